// The tests' fake Slack Web API is the same stand-in that local mode (`npm run local`) runs.
export { type FakeAnswer, FakeSlack, type RecordedCall, slackError } from "../../src/local/slack-stand-in.js";
