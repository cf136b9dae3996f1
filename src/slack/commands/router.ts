import type { CommandHandler } from "./context.js";
import { absenceCommand } from "./handlers/absence.js";
import { contractCommand } from "./handlers/contract.js";
import { showDigest } from "./handlers/digest.js";
import { showDue } from "./handlers/due.js";
import { exportCommitmentsCommand } from "./handlers/export.js";
import { showHelp } from "./handlers/help.js";
import { showHistory } from "./handlers/history.js";
import { importCommitmentsCommand } from "./handlers/import.js";
import { showJournal } from "./handlers/journal.js";
import { showList } from "./handlers/list.js";
import { showMeetings } from "./handlers/meetings.js";
import { showMine } from "./handlers/mine.js";
import { newCommitment } from "./handlers/new-commitment.js";
import { showOverdue } from "./handlers/overdue.js";
import { recipientsCommand } from "./handlers/recipients.js";
import { reportCommand } from "./handlers/report.js";
import { roleCommand } from "./handlers/role.js";
import { scheduleMeetingCommand } from "./handlers/schedule-meeting.js";
import { searchCommitments } from "./handlers/search.js";
import { showCommitment } from "./handlers/show.js";
import { showStatus } from "./handlers/status.js";
import { openProgressUpdate } from "./handlers/update.js";
import type { SubcommandName } from "./parse.js";

/**
 * Which handler answers each sub-command: one line per sub-command, each handler in handlers/. Who may run it is
 * checked before, from permissions.ts.
 */
export const HANDLERS: Record<SubcommandName, CommandHandler> = {
  help: showHelp,
  digest: showDigest,
  status: showStatus,
  list: showList,
  show: showCommitment,
  mine: showMine,
  overdue: showOverdue,
  due: showDue,
  meetings: showMeetings,
  search: searchCommitments,
  history: showHistory,
  update: openProgressUpdate,
  new: newCommitment,
  meeting: scheduleMeetingCommand,
  role: roleCommand,
  export: exportCommitmentsCommand,
  import: importCommitmentsCommand,
  report: reportCommand,
  contract: contractCommand,
  journal: showJournal,
  recipients: recipientsCommand,
  absence: absenceCommand,
};
