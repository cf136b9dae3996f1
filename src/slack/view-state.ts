// Reading what a modal sends back: the typed values (view.state.values) and our private_metadata.
import type { ViewOutput } from "@slack/bolt";
import { z } from "zod";
import type { CommitmentFormValues } from "../domain/commitment-input.js";
import type { MeetingFormValues } from "../domain/meeting-input.js";
import type { Locale } from "../domain/types.js";
import { BLOCKS, INPUT_ACTION } from "./ids.js";

export function formReader(view: Pick<ViewOutput, "state">) {
  const get = (block: string) => view.state.values[block]?.[INPUT_ACTION];
  return {
    text: (block: string): string | null => get(block)?.value ?? null,
    option: (block: string): string | null => get(block)?.selected_option?.value ?? null,
    users: (block: string): string[] => get(block)?.selected_users ?? [],
    user: (block: string): string | null => get(block)?.selected_user ?? null,
    date: (block: string): string | null => get(block)?.selected_date ?? null,
    time: (block: string): string | null => get(block)?.selected_time ?? null,
    conversation: (block: string): string | null => get(block)?.selected_conversation ?? null,
    /** The values ticked in every checkboxes block whose id starts with `prefix`. */
    checkedUnder: (prefix: string): string[] =>
      Object.keys(view.state.values)
        .filter((block) => block.startsWith(prefix))
        .flatMap((block) => (get(block)?.selected_options ?? []).map((o) => o.value)),
    /** The text of every block whose id starts with `prefix` (one per indicator…), keyed by the rest of the id. */
    textsUnder: (prefix: string): Record<string, string | null> =>
      Object.fromEntries(
        Object.keys(view.state.values)
          .filter((block) => block.startsWith(prefix))
          .map((block) => [block.slice(prefix.length), get(block)?.value ?? null]),
      ),
  };
}

export function commitmentFormValues(view: Pick<ViewOutput, "state">): CommitmentFormValues {
  const f = formReader(view);
  return {
    ref: f.text(BLOCKS.ref),
    party: f.option(BLOCKS.party),
    title: f.text(BLOCKS.title),
    description: f.text(BLOCKS.description),
    leadService: f.text(BLOCKS.leadService),
    owners: f.users(BLOCKS.owners),
    dueOn: f.date(BLOCKS.dueOn),
    indicators: f.text(BLOCKS.indicators),
  };
}

export function meetingFormValues(view: Pick<ViewOutput, "state">): MeetingFormValues {
  const f = formReader(view);
  return {
    kind: f.option(BLOCKS.meetingKind),
    title: f.text(BLOCKS.title),
    date: f.date(BLOCKS.meetingDate),
    time: f.time(BLOCKS.meetingTime),
    place: f.text(BLOCKS.place),
    channelId: f.conversation(BLOCKS.channel),
    attendees: f.users(BLOCKS.attendees),
    agenda: f.text(BLOCKS.agenda),
  };
}

type FormReader = ReturnType<typeof formReader>;

/** What names a contract and bounds its years: the new-contract and renewal forms. */
export const contractIdentityValues = (f: FormReader) => ({
  ref: f.text(BLOCKS.contractRef),
  title: f.text(BLOCKS.title),
  signedOn: f.date(BLOCKS.signedOn),
  endsOn: f.date(BLOCKS.endsOn),
});

/** Where a contract speaks, and in which time zone: the new-contract and settings forms (contractChannelInputs). */
export const contractPlaceValues = (f: FormReader) => ({
  timezone: f.text(BLOCKS.timezone),
  channelId: f.conversation(BLOCKS.channel),
  digestChannelId: f.conversation(BLOCKS.digestChannel),
});

/** What our modals carry in private_metadata. Never trusted for permissions: those are checked again. */
const metadataSchema = z.object({
  locale: z.enum(["fr", "en"]).catch("fr"),
  contract: z.string().max(100).optional().catch(undefined),
  id: z.string().max(100).optional().catch(undefined),
  fingerprint: z.string().max(64).optional().catch(undefined),
});
type ModalMetadata = { locale: Locale; contract?: string; id?: string; fingerprint?: string };

export const writeMetadata = (m: ModalMetadata): string => JSON.stringify(m);

export function readMetadata(raw: string | undefined): ModalMetadata {
  return parseMetadata(raw ?? "{}", metadataSchema) ?? { locale: "fr" };
}

/**
 * A modal's private_metadata read with the schema of what that modal wrote: null when it is not JSON or not of
 * that shape (forged, truncated, another view's). The one reader of every modal's metadata.
 */
export function parseMetadata<S extends z.ZodType>(raw: string | undefined, schema: S): z.output<S> | null {
  try {
    const parsed = schema.safeParse(JSON.parse(raw ?? ""));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Domain field names → block ids, as Slack wants errors (`{ block_id: message }`): by a table (identical strings
 * today; the map keeps them independent), or by a function for fields made per item (one per indicator).
 */
export function toBlockErrors<F extends string>(
  errors: Partial<Record<F, string>>,
  blockOf: Record<F, string> | ((field: F) => string),
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors) as [F, string | undefined][]) {
    if (message) out[typeof blockOf === "function" ? blockOf(field) : blockOf[field]] = message.slice(0, 2000);
  }
  return out;
}
