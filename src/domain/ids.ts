// Records are named by UUIDs. Ids also come back from Slack (button values, private_metadata), where they
// can be forged: anything that is not a UUID names nothing of ours.
export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (s: string): boolean => UUID_RE.test(s);
