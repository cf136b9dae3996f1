// The tests' fake Slack Web API is the same stand-in that local mode (`npm run local`) runs.
export { FakeSlack, slackError, type FakeAnswer, type RecordedCall } from "../../src/local/slack-stand-in.js";
