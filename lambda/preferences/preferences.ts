import type { AttributesManager, CustomSkillBuilder, HandlerInput, PersistenceAdapter, RequestInterceptor, ResponseInterceptor } from 'ask-sdk-core';
import { logger } from '../observability/logger';
import { isSpeakingRate, type SpeakingRate } from '../speech/speaking-rate';

export { isSpeakingRate, type SpeakingRate };

/** Everything kept about a user between visits; nothing they asked or said is ever kept. */
export interface Preferences {
  readonly rate: SpeakingRate;
  /** True once they have heard the full welcome. */
  readonly welcomed: boolean;
}

export const DEFAULT_PREFERENCES: Preferences = Object.freeze({ rate: 'normal', welcomed: false });

/** Stored attributes → preferences, field by field: anything missing or malformed is the default. */
export function toPreferences(stored: unknown): Preferences {
  const record = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  return {
    rate: isSpeakingRate(record.rate) ? record.rate : DEFAULT_PREFERENCES.rate,
    welcomed: typeof record.welcomed === 'boolean' ? record.welcomed : DEFAULT_PREFERENCES.welcomed,
  };
}

const samePreferences = (a: Preferences, b: Preferences): boolean => a.rate === b.rate && a.welcomed === b.welcomed;

/** What was read from the store; `read: false` when there is no store or it failed (then nothing is saved over it). */
interface Loaded {
  readonly preferences: Preferences;
  readonly read: boolean;
}

function logStoreFailure(operation: 'read' | 'save' | 'delete', error: unknown): void {
  // The error's name only: its message may hold the table, the key (the user id) or the request.
  logger.warn('preferences store failed', { operation, errorName: error instanceof Error ? error.name : 'unknown' });
}

/** One request's preferences: read at most once, when first needed; changed in memory; saved at the end. */
class RequestPreferences {
  private loading?: Promise<Loaded>;
  private changes: Partial<Preferences> = {};
  /** Deleted in this request: nothing may be saved over the deletion when the response goes out. */
  private forgotten = false;

  constructor(
    private readonly input: HandlerInput,
    private readonly kept: boolean,
  ) {}

  async current(): Promise<Preferences> {
    return { ...(await this.load()).preferences, ...this.changes };
  }

  change(changes: Partial<Preferences>): void {
    this.changes = { ...this.changes, ...changes };
  }

  /** Deletes what is kept; true when nothing is kept any more (also when there is no store). */
  async forget(): Promise<boolean> {
    this.forgotten = true;
    this.changes = {};
    if (!this.kept) return true;
    const { attributesManager } = this.input;
    try {
      if (!attributesManager.deletePersistentAttributes) throw new Error('no delete in this AttributesManager');
      await attributesManager.deletePersistentAttributes();
      return true;
    } catch (error) {
      logStoreFailure('delete', error);
      return false;
    }
  }

  async save(): Promise<void> {
    if (!this.kept || this.forgotten || Object.keys(this.changes).length === 0) return;
    const loaded = await this.load();
    if (!loaded.read) return;
    const next = toPreferences({ ...loaded.preferences, ...this.changes });
    if (samePreferences(next, loaded.preferences)) return;
    try {
      const { attributesManager } = this.input;
      attributesManager.setPersistentAttributes({ rate: next.rate, welcomed: next.welcomed });
      await attributesManager.savePersistentAttributes();
    } catch (error) {
      logStoreFailure('save', error);
    }
  }

  private load(): Promise<Loaded> {
    this.loading ??= this.kept ? this.read() : Promise.resolve({ preferences: DEFAULT_PREFERENCES, read: false });
    return this.loading;
  }

  private async read(): Promise<Loaded> {
    try {
      return { preferences: toPreferences(await this.input.attributesManager.getPersistentAttributes()), read: true };
    } catch (error) {
      logStoreFailure('read', error);
      return { preferences: DEFAULT_PREFERENCES, read: false };
    }
  }
}

/**
 * Keyed by the request's own AttributesManager (one per request), not kept in request attributes,
 * which any interceptor may replace wholesale with setRequestAttributes.
 */
const perRequest = new WeakMap<AttributesManager, RequestPreferences>();

function requestPreferences(input: HandlerInput): RequestPreferences {
  const found = perRequest.get(input.attributesManager);
  if (found) return found;
  // No interceptor ran (no store configured, or an error came first): defaults, and nothing is saved.
  const local = new RequestPreferences(input, false);
  perRequest.set(input.attributesManager, local);
  return local;
}

/** This user's preferences: read once per request, defaults when unknown or the store fails. */
export function preferencesOf(input: HandlerInput): Promise<Preferences> {
  return requestPreferences(input).current();
}

/**
 * Changes this user's preferences: preferencesOf sees the change at once (so read first if you need
 * the stored value); saved when the response goes out, only if something changed, and not at all
 * when the request ends in the error handler.
 */
export function updatePreferences(input: HandlerInput, changes: Partial<Preferences>): void {
  requestPreferences(input).change(changes);
}

/**
 * Deletes everything kept about this user ("forget me", the skill disabled); nothing is saved again
 * in this request. False when the store failed: the listener is told, and can ask again.
 */
export function forgetPreferences(input: HandlerInput): Promise<boolean> {
  return requestPreferences(input).forget();
}

/** Marks the request as having a store; nothing is read until a handler asks. */
export const preferencesRequestInterceptor: RequestInterceptor = {
  process(input) {
    perRequest.set(input.attributesManager, new RequestPreferences(input, true));
  },
};

/** Saves changed preferences; a failed save is logged and the answer still goes out. */
export const preferencesResponseInterceptor: ResponseInterceptor = {
  async process(input) {
    await requestPreferences(input).save();
  },
};

/** Adds the store and the interceptors that read and save preferences; with no store, preferences are the defaults. */
export function withPreferences(builder: CustomSkillBuilder, store: PersistenceAdapter | undefined): CustomSkillBuilder {
  if (!store) return builder;
  return builder.withPersistenceAdapter(store).addRequestInterceptors(preferencesRequestInterceptor).addResponseInterceptors(preferencesResponseInterceptor);
}
