import { subscribe, unsubscribe } from 'node:diagnostics_channel';

/**
 * Counts every client connection this process opens while `run` runs (Node publishes each new
 * client socket, HTTP, HTTPS or raw, on `net.client.socket`, before any DNS lookup). Send the test's
 * own requests over a connection opened beforehand, and any count is an outbound attempt.
 */
export async function connectionsOpenedDuring(run: () => Promise<void>): Promise<number> {
  let opened = 0;
  const count = () => (opened += 1);
  subscribe('net.client.socket', count);
  try {
    await run();
  } finally {
    unsubscribe('net.client.socket', count);
  }
  return opened;
}
