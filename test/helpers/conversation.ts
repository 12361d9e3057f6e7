import { join } from 'node:path';
import { Conversation } from '../../cli/conversation';
import { handler } from '../../lambda/index';

export const MODEL_PATH = join(__dirname, '..', '..', 'skill-package', 'interactionModels', 'custom', 'en-GB.json');

/** A fresh conversation through the same path as `npm start`: typed words → interaction model → handler. */
export const newConversation = (device: { readonly screen?: boolean } = {}): Conversation => new Conversation(handler, MODEL_PATH, 'en-GB', device);
