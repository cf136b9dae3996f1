// Slack's Block Kit limits, checked on a message we built: an empty list means Slack would accept it.
// https://api.slack.com/reference/block-kit — the limits that builders must respect by construction.

type Json = Record<string, unknown>;

export const BLOCK_LIMITS = {
  messageBlocks: 50,
  modalBlocks: 100,
  sectionText: 3000,
  headerText: 150,
  contextElements: 10,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  fields: 10,
  fieldText: 2000,
  actionsElements: 25,
  options: 100,
  messageText: 40_000,
} as const;

const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const textOf = (v: unknown): string => (isObj(v) && typeof v.text === "string" ? v.text : "");

function checkElement(el: unknown, where: string, out: string[]): void {
  if (!isObj(el)) return void out.push(`${where}: not an object`);
  if (el.type === "button") {
    const t = textOf(el.text);
    if (t.length === 0) out.push(`${where}: button without text`);
    if (t.length > BLOCK_LIMITS.buttonText) out.push(`${where}: button text ${t.length} > ${BLOCK_LIMITS.buttonText}`);
    if (typeof el.value === "string" && el.value.length > BLOCK_LIMITS.buttonValue)
      out.push(`${where}: button value ${el.value.length} > ${BLOCK_LIMITS.buttonValue}`);
    if (typeof el.action_id === "string" && el.action_id.length > BLOCK_LIMITS.actionId)
      out.push(`${where}: action_id too long`);
  }
  if (Array.isArray(el.options) && el.options.length > BLOCK_LIMITS.options)
    out.push(`${where}: ${el.options.length} options > ${BLOCK_LIMITS.options}`);
}

/** Every limit a message's blocks break, as readable lines (empty when Slack would accept them). */
export function blockLimitViolations(
  blocks: readonly unknown[],
  options: { maxBlocks?: number; text?: string } = {},
): string[] {
  const out: string[] = [];
  const max = options.maxBlocks ?? BLOCK_LIMITS.messageBlocks;
  if (blocks.length > max) out.push(`${blocks.length} blocks > ${max}`);
  if (options.text !== undefined && options.text.length > BLOCK_LIMITS.messageText)
    out.push(`message text ${options.text.length} > ${BLOCK_LIMITS.messageText}`);
  blocks.forEach((b, i) => {
    const where = `block ${i}`;
    if (!isObj(b)) return void out.push(`${where}: not an object`);
    switch (b.type) {
      case "header": {
        const t = textOf(b.text);
        if (t.length === 0 || t.length > BLOCK_LIMITS.headerText) out.push(`${where}: header text length ${t.length}`);
        break;
      }
      case "section": {
        const t = textOf(b.text);
        if (b.text !== undefined && (t.length === 0 || t.length > BLOCK_LIMITS.sectionText))
          out.push(`${where}: section text length ${t.length}`);
        if (b.text === undefined && !Array.isArray(b.fields))
          out.push(`${where}: section with neither text nor fields`);
        if (Array.isArray(b.fields)) {
          if (b.fields.length > BLOCK_LIMITS.fields)
            out.push(`${where}: ${b.fields.length} fields > ${BLOCK_LIMITS.fields}`);
          b.fields.forEach((f, j) => {
            const ft = textOf(f);
            if (ft.length === 0 || ft.length > BLOCK_LIMITS.fieldText)
              out.push(`${where} field ${j}: length ${ft.length}`);
          });
        }
        if (b.accessory !== undefined) checkElement(b.accessory, `${where} accessory`, out);
        break;
      }
      case "context": {
        const els = Array.isArray(b.elements) ? b.elements : [];
        if (els.length === 0 || els.length > BLOCK_LIMITS.contextElements)
          out.push(`${where}: ${els.length} context elements`);
        els.forEach((e, j) => {
          const t = textOf(e);
          if (isObj(e) && e.type !== "image" && (t.length === 0 || t.length > BLOCK_LIMITS.sectionText))
            out.push(`${where} element ${j}: text length ${t.length}`);
        });
        break;
      }
      case "actions": {
        const els = Array.isArray(b.elements) ? b.elements : [];
        if (els.length === 0 || els.length > BLOCK_LIMITS.actionsElements)
          out.push(`${where}: ${els.length} actions elements`);
        const ids = els.map((e) => (isObj(e) ? e.action_id : undefined)).filter((x) => x !== undefined);
        if (new Set(ids).size !== ids.length) out.push(`${where}: duplicate action_id in one actions block`);
        els.forEach((e, j) => checkElement(e, `${where} element ${j}`, out));
        break;
      }
      case "divider":
      case "input":
      case "image":
      case "rich_text":
        break;
      default:
        out.push(`${where}: unknown block type ${String(b.type)}`);
    }
  });
  return out;
}
