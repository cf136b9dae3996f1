// What Slack does to a slash command's text when the command has `should_escape: true` (manifest.yml):
// a person picked with @ arrives as `<@U…|name>`, a channel picked with # as `<#C…|name>`. Local mode does
// the same with the sample people and channels, so commands are read exactly as in a workspace.

export interface Named {
  id: string;
  /** The @ or # name, without its sign. */
  name: string;
}

export function escapeLikeSlack(text: string, people: readonly Named[], channels: readonly Named[]): string {
  const find = (list: readonly Named[], n: string) => list.find((x) => x.name.toLowerCase() === n.toLowerCase());
  return text.replace(/(^|[\s(,;])([@#])([\p{L}\p{N}._-]+)/gu, (m, pre: string, sign: string, name: string) => {
    const bare = name.replace(/[.,;]+$/, "");
    const rest = name.slice(bare.length);
    const found = find(sign === "@" ? people : channels, bare);
    if (!found) return m; // Slack leaves a name it does not know as typed
    return `${pre}<${sign}${found.id}|${found.name}>${rest}`;
  });
}
