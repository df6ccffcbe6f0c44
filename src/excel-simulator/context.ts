/**
 * The request machinery: proxies queue operations, context.sync() applies them in order, measures the request and
 * response payloads, and only then makes loaded values readable. Nothing here touches Node: the simulator can be
 * bundled into a browser page.
 */
import { itemNotFound, nullObjectUsed, propertyNotLoaded, SimulatorError, valueNotLoaded } from './errors';

/**
 * Excel on the web's limit for one request (and for one response). Microsoft documents it as "5 MB"; the simulator
 * uses 5,000,000 bytes, the stricter reading, so that code that passes here passes there.
 */
export const PAYLOAD_LIMIT_BYTES = 5_000_000;

export interface RequestRecord {
  /** UTF-8 bytes of the JSON of the queued operations. */
  payloadBytes: number;
  /** UTF-8 bytes of the JSON of the loaded values sent back. */
  responseBytes: number;
  operations: number;
  /** The error code when Excel would have refused the request. */
  rejected?: string;
}

export interface SimulatorStats {
  syncs: number;
  requests: RequestRecord[];
  /** How many times the add-in suspended calculation / screen updating (each lasts until the next sync). */
  calculationSuspensions: number;
  screenUpdatingSuspensions: number;
  /**
   * Calls that real Excel may ignore without an error (see docs/SIMULATOR.md), each time one is made: code that
   * relies on them should read the setting back.
   */
  flagged: FlaggedCall[];
}

export interface FlaggedCall {
  api: string;
  /** Why Excel may ignore it, citing the Office documentation or the office-js issue. */
  reason: string;
}

export interface SimulatorLimits {
  requestPayloadBytes: number;
  /** null: responses are not limited (Excel on the desktop); a number: Excel on the web. */
  responsePayloadBytes: number | null;
  /** Loading values of a bigger range fails, as Excel does, before anything is materialised. */
  maxLoadCells: number;
}

interface Operation {
  descriptor: Record<string, unknown>;
  run: () => unknown;
}

const encoder = new TextEncoder();
export function utf8Length(text: string): number {
  // Fast path: pure ASCII strings are as long in bytes as in characters.
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(text) ? text.length : encoder.encode(text).length;
}

/**
 * The size of a request as Office.js sends it: the UTF-8 length of the JSON of its request message,
 * { Actions: [...], ObjectPaths: {...} } (OfficeExtension.ClientRequest.buildRequestMessageBody in office-js's
 * runtime, github.com/OfficeDev/office-js, dist/excel.debug.js). Mirrored here:
 *   - ObjectPaths: each object path the batch refers to, ONCE per request, as
 *     { Id, ObjectPathType, Name, ParentObjectPathId, ArgumentInfo }: 1 the global object (the workbook), 3 a method
 *     that returns an object (GetRange, with its arguments), 4 a navigation property (Worksheets, Format), 5 an
 *     indexer (a collection's getItem). A proxy given as an argument (getBoundingRect(used)) is sent as its path's Id.
 *   - Actions: one Instantiate (ActionType 1) for each object path, as Office.js makes one for each proxy it
 *     creates; a load is a Query (2) with QueryInfo { Select, Expand }; a method with no object result a Method
 *     (3) with ArgumentInfo { Arguments }; a property set a SetProperty (4), its value the one argument.
 *   - Names are sent in Pascal case ("Values", "GetRange"), as Excel's generated proxies name them; ids count up
 *     from 1 in the order Office.js would hand them out.
 * A proxy reached through a long chain (worksheets.getFirst().getNextOrNullObject()…) thus costs one short entry per
 * link, however many actions use it; the simulator's own path strings are never sent.
 */
export function requestPayloadBytes(ops: readonly { descriptor: Record<string, unknown> }[]): number {
  // Office.js sends nothing for a sync with nothing queued.
  if (!ops.length) return 0;
  return utf8Length(JSON.stringify(requestMessage(ops)));
}

interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments: unknown[]; ReferencedObjectPathIds?: number[] };
}

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** The request message Office.js would build for these operations (see requestPayloadBytes). */
export function requestMessage(ops: readonly { descriptor: Record<string, unknown> }[]): { Actions: Record<string, unknown>[]; ObjectPaths: Record<string, ObjectPathInfo> } {
  let nextId = 0;
  const ids = new Map<string, number>();
  const objectPaths: Record<string, ObjectPathInfo> = {};
  const actions: Record<string, unknown>[] = [];
  const idOf = (path: string): number => {
    const known = ids.get(path);
    if (known !== undefined) return known;
    const dot = lastMemberDot(path);
    const member = dot < 0 ? path : path.slice(dot + 1);
    // The workbook is Office.js's global object; the simulator's short roots (worksheets, settings…) its properties.
    const parent = dot >= 0 ? idOf(path.slice(0, dot)) : member === 'workbook' ? undefined : idOf('workbook');
    const open = member.indexOf('(');
    const name = pascal(open < 0 ? member : member.slice(0, open));
    const args = open < 0 ? undefined : argumentsOf(member.slice(open + 1, member.lastIndexOf(')')), idOf);
    const type = parent === undefined ? 1 : !args ? 4 : name === 'GetItem' ? 5 : 3;
    const info: ObjectPathInfo = { Id: ++nextId, ObjectPathType: type, Name: type === 1 || type === 5 ? '' : name };
    if (parent !== undefined) info.ParentObjectPathId = parent;
    if (args) info.ArgumentInfo = args;
    ids.set(path, info.Id);
    objectPaths[info.Id] = info;
    actions.push({ Id: ++nextId, ActionType: 1, Name: '', ObjectPathId: info.Id });
    return info.Id;
  };
  for (const { descriptor: d } of ops) {
    const objectPathId = typeof d.p === 'string' ? idOf(d.p) : 0;
    if (Array.isArray(d.l)) {
      actions.push({ Id: ++nextId, ActionType: 2, Name: '', ObjectPathId: objectPathId, QueryInfo: { Select: d.l, Expand: [] } });
    } else if (typeof d.s === 'string') {
      actions.push({ Id: ++nextId, ActionType: 4, Name: pascal(d.s), ObjectPathId: objectPathId, ArgumentInfo: { Arguments: [d.v] } });
    } else {
      actions.push({ Id: ++nextId, ActionType: 3, Name: pascal(String(d.m ?? '')), ObjectPathId: objectPathId, ArgumentInfo: { Arguments: (d.a as unknown[]) ?? [] } });
    }
  }
  return { Actions: actions, ObjectPaths: objectPaths };
}

/** A method's arguments from the simulator's path text: JSON values, or a proxy's path (sent as its object path Id). */
function argumentsOf(text: string, idOf: (path: string) => number): { Arguments: unknown[]; ReferencedObjectPathIds?: number[] } {
  if (!text.trim()) return { Arguments: [] };
  try {
    return { Arguments: JSON.parse(`[${text}]`) as unknown[] };
  } catch {
    const id = idOf(text);
    return { Arguments: [id], ReferencedObjectPathIds: [id] };
  }
}

/** The last "." of a proxy path outside quoted arguments and brackets: where its last member starts. */
function lastMemberDot(path: string): number {
  let depth = 0;
  let quoted = false;
  for (let i = path.length - 1; i >= 0; i--) {
    const c = path[i];
    if (c === '"') {
      let slashes = 0;
      for (let j = i - 1; j >= 0 && path[j] === '\\'; j--) slashes++;
      if (slashes % 2 === 0) quoted = !quoted;
      continue;
    }
    if (quoted) continue;
    if (c === ')' || c === ']') depth++;
    else if (c === '(' || c === '[') depth--;
    else if (c === '.' && depth === 0) return i;
  }
  return -1;
}

/**
 * Thrown inside a sync when a null object is resolved. A proxy resolving through it (a method or navigation
 * property of a null object) becomes a null object itself, as in Office.js; an action on it (setting a property,
 * calling a method that changes the workbook) fails the request with ItemNotFound.
 */
export class NullObjectSignal extends Error {
  constructor(readonly path: string) {
    super(`${path} is a null object`);
  }
}

export class RequestQueue {
  private queue: Operation[] = [];
  private staged: (() => void)[] = [];
  /** Increases with every sync; proxies re-resolve their object path in each request, as Office.js does. */
  syncNumber = 0;
  private syncing = false;

  constructor(
    readonly stats: SimulatorStats,
    readonly limits: SimulatorLimits,
    private readonly hooks: { before: () => void; after: () => void } = { before: () => undefined, after: () => undefined },
  ) {}

  private afterSync(): void {
    this.hooks.after();
  }

  _enqueue(descriptor: Record<string, unknown>, run: () => unknown): void {
    if (this.syncing) throw new SimulatorError('InvalidOperation', 'Operations cannot be queued while context.sync() is running.');
    this.queue.push({ descriptor, run });
  }

  /** Called during a sync: the change becomes visible to the add-in only if the whole request succeeds. */
  _stage(commit: () => void): void {
    this.staged.push(commit);
  }

  get pendingOperations(): number {
    return this.queue.length;
  }

  /** The request message Office.js would send for what is queued now (see requestPayloadBytes). */
  pendingRequestMessage(): ReturnType<typeof requestMessage> {
    return requestMessage(this.queue);
  }

  /** The JSON size of what is queued now: what the next sync would send. */
  pendingPayloadBytes(): number {
    return requestPayloadBytes(this.queue);
  }

  /** *OrNullObject proxies made since the last sync: their isNullObject is loaded by the next sync, asked or not. */
  private nullables: SimClientObject[] = [];
  _registerNullable(proxy: SimClientObject): void {
    this.nullables.push(proxy);
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    const nullables = this.nullables;
    this.queue = [];
    this.nullables = [];
    this.staged = [];
    const payloadBytes = requestPayloadBytes(ops);
    const record: RequestRecord = { payloadBytes, responseBytes: 0, operations: ops.length };
    this.stats.syncs++;
    this.stats.requests.push(record);
    this.syncNumber++;
    await Promise.resolve();
    if (payloadBytes > this.limits.requestPayloadBytes) {
      record.rejected = 'RequestPayloadSizeLimitExceeded';
      this.afterSync();
      throw new SimulatorError(
        'RequestPayloadSizeLimitExceeded',
        `The request payload size has exceeded the limit (${payloadBytes} bytes > ${this.limits.requestPayloadBytes}). See https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins for more information.`,
      );
    }
    const responses: unknown[] = [];
    this.syncing = true;
    this.hooks.before();
    try {
      for (const op of ops) {
        try {
          const response = op.run();
          if (response !== undefined) responses.push(response);
        } catch (caught) {
          // Excel applies the operations before the failing one and none after it; nothing loaded becomes readable.
          const error = caught instanceof NullObjectSignal ? nullObjectUsed(caught.path) : caught;
          record.rejected = error instanceof SimulatorError ? error.code : 'GeneralException';
          if (error instanceof SimulatorError) {
            error.debugInfo.errorLocation ??= String(op.descriptor.p ?? '');
            throw error;
          }
          throw new SimulatorError('GeneralException', `${(error as Error)?.message ?? error}`, String(op.descriptor.p ?? ''));
        }
      }
      // Office.js loads isNullObject for every *OrNullObject proxy of the batch, loaded or not ("Office automatically
      // loads this property when context.sync is called"). One that cannot be resolved stays unknown.
      for (const proxy of nullables) {
        try {
          proxy._tryTarget();
        } catch {
          // not resolvable now (its sheet was deleted, or the API is too new): isNullObject stays unavailable
        }
      }
    } finally {
      this.syncing = false;
      this.afterSync();
    }
    record.responseBytes = utf8Length(JSON.stringify(responses));
    if (this.limits.responsePayloadBytes !== null && record.responseBytes > this.limits.responsePayloadBytes) {
      record.rejected = 'ResponsePayloadSizeLimitExceeded';
      throw new SimulatorError(
        'ResponsePayloadSizeLimitExceeded',
        `The response payload size has exceeded the limit (${record.responseBytes} bytes > ${this.limits.responsePayloadBytes}). Load fewer cells per request.`,
      );
    }
    for (const commit of this.staged) commit();
    this.staged = [];
  }
}

export interface PropSpec<T> {
  // Method syntax on purpose: proxies of any target type share the base class's property table.
  get?(target: T): unknown;
  set?(target: T, value: unknown): void;
}

type Resolver<T> = () => T | null;

/** The base of every proxy: loading, reading loaded values, queuing writes, null objects. */
export abstract class SimClientObject<T = unknown> {
  /** Per-class property table, filled by defineProps. */
  static props: Record<string, PropSpec<never>> = {};
  protected readonly _values = new Map<string, unknown>();
  private _null: boolean | undefined;
  /** This sync's resolution: the target, or null with `isNull` (a null object) or without (a missing item). */
  private _memo: { sync: number; target: T | null; isNull: boolean } | null = null;
  private _pinned: T | null = null;

  constructor(
    readonly context: RequestQueue,
    readonly _path: string,
    private readonly _resolver: Resolver<T>,
    private readonly _nullable = false,
  ) {
    if (_nullable) context._registerNullable(this);
  }

  get isNullObject(): boolean {
    if (this._null === undefined) throw propertyNotLoaded('isNullObject');
    return this._null;
  }

  /** Objects made by add(): their path stays valid after the request that made them. */
  _pin(target: T): void {
    this._pinned = target;
  }

  /**
   * Resolves the object at sync time: its target, or null. Null means a null object when the object is an
   * *OrNullObject that found nothing, or when it was reached through a null object (a method or navigation
   * property of a null object returns a null object, as in Office.js); otherwise the item is missing.
   */
  _tryTarget(): T | null {
    if (this._pinned) return this._checkAlive(this._pinned);
    if (this._memo && this._memo.sync === this.context.syncNumber) return this._memo.target;
    let target: T | null;
    let throughNull = false;
    try {
      target = this._resolver();
    } catch (error) {
      if (!(error instanceof NullObjectSignal)) throw error;
      target = null;
      throughNull = true;
    }
    const isNull = target === null && (this._nullable || throughNull);
    this._memo = { sync: this.context.syncNumber, target, isNull };
    const flag = target === null;
    this.context._stage(() => (this._null = flag));
    return target;
  }

  /** True when this sync resolved the object to a null object (call after _tryTarget). */
  protected _isNullNow(): boolean {
    return !!this._memo && this._memo.sync === this.context.syncNumber && this._memo.isNull;
  }

  protected _checkAlive(target: T): T {
    return target;
  }

  /**
   * The target, for an action or for a child proxy resolving through this one. A null object throws
   * NullObjectSignal: the child becomes a null object, an action fails the request with ItemNotFound.
   */
  _target(): T {
    const target = this._tryTarget();
    if (target === null) {
      if (this._isNullNow()) throw new NullObjectSignal(this._path);
      throw itemNotFound(this._path);
    }
    return target;
  }

  protected _specs(): Record<string, PropSpec<T>> {
    return (this.constructor as unknown as { props: Record<string, PropSpec<T>> }).props ?? {};
  }

  load(option?: string | string[] | { select?: string | string[] }): this {
    const paths = parseLoad(option);
    this.context._enqueue({ p: this._path, l: paths.map((p) => p.join('/')) }, () => this._loadNow(paths.length ? paths : this._allScalarPaths()));
    return this;
  }

  _allScalarPaths(): string[][] {
    return Object.entries(this._specs())
      .filter(([, spec]) => spec.get)
      .map(([name]) => [name]);
  }

  /** Runs at sync time: reads the requested properties from the state and stages them for the add-in. */
  _loadNow(paths: string[][]): Record<string, unknown> {
    const target = this._tryTarget();
    const response: Record<string, unknown> = {};
    if (target === null) {
      // Loading a null object's properties is allowed: the response says only that it is a null object.
      if (!this._isNullNow()) throw itemNotFound(this._path);
      response.isNullObject = true;
      return response;
    }
    // Paths through the same child ("areas/items/rowIndex", "areas/items/formulas") load it once, with all of them,
    // as Office.js does: loading it once per path would keep only the last path's properties.
    const nested = new Map<string, string[][]>();
    for (const path of paths) {
      const [head, ...rest] = path;
      if (rest.length) {
        const child = (this as unknown as Record<string, unknown>)[head];
        if (!(child instanceof SimClientObject)) throw new SimulatorError('InvalidArgument', `Cannot load '${path.join('/')}' on ${this._path}.`);
        (nested.get(head) ?? nested.set(head, []).get(head)!).push(rest);
        continue;
      }
      const spec = this._specs()[head];
      if (!spec?.get) {
        const child = (this as unknown as Record<string, unknown>)[head];
        if (child instanceof SimClientObject) {
          response[head] = child._loadNow(child._allScalarPaths());
          continue;
        }
        throw new SimulatorError('InvalidArgument', `The property '${head}' cannot be loaded on ${this._path}.`);
      }
      const value = spec.get(target);
      response[head] = value;
      this.context._stage(() => this._values.set(head, value));
    }
    for (const [head, rests] of nested) response[head] = ((this as unknown as Record<string, unknown>)[head] as SimClientObject)._loadNow(rests);
    return response;
  }

  protected _get<V>(name: string): V {
    // Office.js's getters skip the "not loaded" check on a null object (throwIfNotLoaded(…, isNull)): undefined.
    if (this._null === true && !this._values.has(name)) return undefined as V;
    if (!this._values.has(name)) throw propertyNotLoaded(name);
    return this._values.get(name) as V;
  }

  protected _set(name: string, value: unknown): void {
    const spec = this._specs()[name];
    if (!spec?.set) throw new SimulatorError('InvalidOperation', `The property '${name}' is read-only.`);
    // Office.js keeps a value the add-in set, so reading it back before a sync returns it.
    this._values.set(name, value);
    this.context._enqueue({ p: this._path, s: name, v: value }, () => spec.set!(this._target(), value));
  }

  /** Queues a method call with no result. */
  protected _call(method: string, args: unknown[], run: (target: T) => void): void {
    this.context._enqueue({ p: this._path, m: method, a: args }, () => run(this._target()));
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._values);
  }
}

/** Gives a proxy class its loadable/settable properties: reading one before load + sync throws as Office.js does. */
export function defineProps<T>(cls: { prototype: object; props: Record<string, PropSpec<never>> }, specs: Record<string, PropSpec<T>>): void {
  cls.props = { ...(Object.getPrototypeOf(cls).props ?? {}), ...(specs as Record<string, PropSpec<never>>) };
  for (const name of Object.keys(specs)) {
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      enumerable: true,
      get(this: SimClientObject<T>) {
        return (this as unknown as { _get: (n: string) => unknown })._get(name);
      },
      set(this: SimClientObject<T>, value: unknown) {
        (this as unknown as { _set: (n: string, v: unknown) => void })._set(name, value);
      },
    });
  }
}

function parseLoad(option?: string | string[] | { select?: string | string[] }): string[][] {
  if (option === undefined) return [];
  const raw = typeof option === 'string' ? option.split(',') : Array.isArray(option) ? option : typeof option.select === 'string' ? option.select.split(',') : (option.select ?? []);
  return raw.map((p) => p.trim()).filter(Boolean).map((p) => p.split('/').map((s) => s.trim()));
}

/** A collection proxy: items become readable after load + sync. */
export abstract class SimCollection<T, Item extends SimClientObject> extends SimClientObject<T> {
  private _items: Item[] | undefined;

  get items(): Item[] {
    if (!this._items) throw propertyNotLoaded('items');
    return this._items;
  }

  /** Item proxies for the collection's current members, at sync time. */
  protected abstract _itemsNow(target: T): Item[];

  override _loadNow(paths: string[][]): Record<string, unknown> {
    const target = this._tryTarget();
    if (target === null) {
      if (!this._isNullNow()) throw itemNotFound(this._path);
      this.context._stage(() => (this._items = []));
      return { isNullObject: true };
    }
    const items = this._itemsNow(target);
    const itemPaths = paths.map((p) => (p[0] === 'items' ? p.slice(1) : p)).filter((p) => p.length);
    const response = items.map((item) => item._loadNow(itemPaths.length ? itemPaths : item._allScalarPaths()));
    this.context._stage(() => (this._items = items));
    return { items: response };
  }
}

/** OfficeExtension.ClientResult: `.value` only after sync. */
export class SimClientResult<V> {
  private _value: V | undefined;
  private _set = false;
  _resolve(value: V): void {
    this._value = value;
    this._set = true;
  }
  get value(): V {
    if (!this._set) throw valueNotLoaded();
    return this._value as V;
  }
}
