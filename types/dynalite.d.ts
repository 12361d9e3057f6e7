// dynalite 4 ships no types and there is no @types/dynalite: the part of its API this project uses.
declare module 'dynalite' {
  import type { Server } from 'node:http';

  interface DynaliteOptions {
    /** LevelDB folder; in memory when absent. */
    path?: string;
    /** How long a new table stays CREATING (default 500 ms). */
    createTableMs?: number;
    deleteTableMs?: number;
    updateTableMs?: number;
  }

  /** An http.Server speaking the DynamoDB API; close() also closes its database. */
  function dynalite(options?: DynaliteOptions): Server;
  export = dynalite;
}
