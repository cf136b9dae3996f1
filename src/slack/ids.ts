// Every action_id, block_id and callback_id in one place: builders, listeners and tests import these.

export const COMMAND = "/csi";

export const ACTIONS = {
  share: "csi_share",
} as const;

export const BLOCKS = {} as const;

export const CALLBACKS = {} as const;
