// Tests sign requests with the same code local mode uses to play Slack.
export { slackSignatureHeaders } from "../../src/local/slack-signature.js";
