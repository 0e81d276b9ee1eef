import { atom, type ReadableAtom } from 'nanostores';
import type { DraftUpload } from '../client/persistedState.js';
import type { ParleyClient } from '../client/ParleyClient.js';
import { backoff } from '../client/backoff.js';
import { systemClock, type Clock } from '../client/Clock.js';
import { createClientId } from '../client/createClientId.js';
import { isHttpError, type HttpError } from '../errors/index.js';
import type { Attachment } from '../protocol/index.js';
import { checkFile, type FileRefusal } from './checkFile.js';
import { fileType } from './matchesType.js';

/**
 * `waiting`: the server said it is busy (429, or 503 with `Retry-After`); the upload tries again
 * by itself at `retryAt`, at most three times.
 */
export type UploadState = 'checking' | 'uploading' | 'waiting' | 'done' | 'failed' | 'refused';

/**
 * Why a file is not ready: a refusal before upload (`type`, `size`, `count`, `empty`, a secret
 * in its name), or a failure during it (`failed`, `cancelled`, `interrupted` by a reload).
 */
export type UploadProblem = FileRefusal['reason'] | 'secretName' | 'failed' | 'cancelled' | 'interrupted';

export interface UploadItem {
  id: string;
  /** The name it is (or will be) uploaded under: secrets the policy redacts are replaced. */
  name: string;
  size: number;
  type: string;
  state: UploadState;
  /** 0 to 1 while uploading. */
  progress: number;
  /** While `waiting`: when (the queue clock's ms) the upload is tried again. */
  retryAt?: number;
  problem?: UploadProblem;
  /** The limit a refusal names: bytes for `size`, files for `count`. */
  limit?: number;
  /** A name the desk's policy only warns about: the visitor may upload it anyway. */
  canForce?: boolean;
  attachment?: Attachment;
  /** The bytes; absent for an item restored after a reload, which must be chosen again. */
  file?: Blob;
}

/** The secret guard's verdict on a file name; `name` is what to upload it as. */
export interface NameCheck {
  action: 'send' | 'warn' | 'block';
  name: string;
}

export interface UploadQueueOptions {
  /** Checks a file name for secrets before it leaves; without it names go as they are. */
  checkName?: (name: string) => Promise<NameCheck>;
  onWarning?: (message: string) => void;
  /** Times the waits a busy server asks for; the system clock unless a test passes its own. */
  clock?: Clock;
}

/** Automatic tries after a busy reply (429, 503) before the file shows as failed, with a retry button. */
const MAX_BUSY_RETRIES = 3;

/** The files attached to the next message. */
export interface UploadQueue {
  readonly $items: ReadableAtom<readonly UploadItem[]>;
  /** Checks each file against the desk's limits and uploads the ones that pass. */
  add(files: Iterable<File>): void;
  /** Stops an upload; the file stays, marked cancelled, so it can be retried. */
  cancel(id: string): void;
  /** Uploads a failed or cancelled file again (items restored after a reload have no bytes). */
  retry(id: string): void;
  /** Uploads a file whose name the policy only warns about. */
  force(id: string): void;
  /** Removes a file, cancelling its upload. */
  remove(id: string): void;
  /** The uploaded attachments for a send; they leave the queue, failed and refused files stay. */
  take(): Attachment[];
  /** Aborts every upload in flight. */
  destroy(): void;
}

/**
 * The upload side of a composer, framework-free: limits are checked before anything is sent
 * (`$config.uploads`), each file uploads with progress and can be cancelled and retried, and a
 * failed file never blocks the rest. The list (without bytes) is mirrored into the client's
 * `$draftUploads`, which is saved with the draft, so a reload shows an interrupted upload as
 * failed instead of losing it, and a finished one can still be sent.
 *
 * @example
 * ```ts
 * const queue = createUploadQueue(client);
 * input.onchange = () => queue.add(input.files!);
 * client.send(text, { attachments: queue.take() });
 * ```
 */
export function createUploadQueue(client: ParleyClient, options: UploadQueueOptions = {}): UploadQueue {
  const clock = options.clock ?? systemClock;
  const $items = atom<readonly UploadItem[]>(restore(client.$draftUploads.get()));
  const controllers = new Map<string, AbortController>();
  let written: readonly DraftUpload[] = client.$draftUploads.get();

  const set = (items: readonly UploadItem[]) => {
    $items.set(items);
    written = items.flatMap(toDraft);
    client.$draftUploads.set(written);
  };
  const update = (id: string, patch: Partial<UploadItem>) =>
    set($items.get().map((item) => (item.id === id ? { ...item, ...patch } : item)));
  const find = (id: string) => $items.get().find((item) => item.id === id);

  // Saved uploads arrive when the client has loaded its state, which may be after this queue
  // was made; a wipe (`client.clear()`) empties the list.
  const stopSync = client.$draftUploads.listen((drafts) => {
    if (drafts === written) return;
    for (const controller of controllers.values()) controller.abort();
    controllers.clear();
    const known = new Map($items.get().map((item) => [item.id, item]));
    $items.set(drafts.length ? restore(drafts).map((item) => known.get(item.id) ?? item) : []);
    written = drafts;
  });

  async function start(id: string, force = false) {
    const item = find(id);
    if (!item?.file) return;
    let name = item.name;
    if (options.checkName && !force) {
      update(id, { state: 'checking', progress: 0, problem: undefined });
      let check: NameCheck;
      try {
        check = await options.checkName(name);
      } catch (error) {
        // Without the check the name cannot be shown to be safe, so it does not leave.
        options.onWarning?.(`Parley: the secret check of a file name failed (${String(error)})`);
        check = { action: 'block', name };
      }
      if (!find(id)) return;
      if (check.action !== 'send') {
        update(id, { state: 'refused', problem: 'secretName', canForce: check.action === 'warn' });
        return;
      }
      name = check.name;
    }
    const controller = new AbortController();
    controllers.set(id, controller);
    update(id, { name, state: 'uploading', progress: 0, problem: undefined, canForce: undefined });
    try {
      for (let retries = 0; ; retries++) {
        try {
          const attachment = await client.upload(item.file, name, {
            signal: controller.signal,
            onProgress: (loaded, total) => {
              if (!controller.signal.aborted) update(id, { progress: total > 0 ? Math.min(1, loaded / total) : 0 });
            },
          });
          if (!controller.signal.aborted) update(id, { state: 'done', progress: 1, attachment });
          return;
        } catch (error) {
          // A cancelled upload was marked by `cancel`; a removed one is gone.
          if (controller.signal.aborted) return;
          if (!isBusy(error) || retries >= MAX_BUSY_RETRIES) {
            update(id, { state: 'failed', problem: uploadProblem(error), retryAt: undefined });
            return;
          }
          // A rate limit or a maintenance window: failing the file would make the visitor do by
          // hand what `Retry-After` already says, and a retry sooner than it is refused again.
          const ms = Math.max((error.retryAfter ?? 0) * 1000, backoff(retries, 1000, 15000));
          update(id, { state: 'waiting', progress: 0, retryAt: clock.now() + ms });
          if (!(await wait(ms, controller.signal))) return;
          update(id, { state: 'uploading', progress: 0, retryAt: undefined });
        }
      }
    } finally {
      if (controllers.get(id) === controller) controllers.delete(id);
    }
  }

  /** Resolves true after `ms`, or false as soon as the upload is cancelled or removed. */
  function wait(ms: number, signal: AbortSignal): Promise<boolean> {
    return new Promise((resolve) => {
      const onAbort = () => {
        clock.clearTimeout(handle);
        resolve(false);
      };
      const handle = clock.setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        resolve(true);
      }, ms);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  return {
    $items,
    add(files) {
      const limits = client.$config.get()?.uploads;
      for (const file of files) {
        const counted = $items.get().filter((item) => item.state !== 'refused').length;
        const refusal = limits ? checkFile(file, limits, counted) : null;
        const item: UploadItem = {
          id: createClientId('u'),
          name: file.name,
          size: file.size,
          type: fileType(file),
          state: refusal ? 'refused' : 'checking',
          progress: 0,
          file,
          ...(refusal ? { problem: refusal.reason } : {}),
          ...(refusal?.reason === 'size' ? { limit: refusal.maxBytes } : {}),
          ...(refusal?.reason === 'count' ? { limit: refusal.maxFiles } : {}),
        };
        set([...$items.get(), item]);
        if (!refusal) void start(item.id);
      }
    },
    cancel(id) {
      const controller = controllers.get(id);
      if (!controller) return;
      controller.abort();
      controllers.delete(id);
      update(id, { state: 'failed', problem: 'cancelled', progress: 0, retryAt: undefined });
    },
    retry(id) {
      const item = find(id);
      if (item?.file && item.state === 'failed') void start(id);
    },
    force(id) {
      if (find(id)?.canForce) void start(id, true);
    },
    remove(id) {
      controllers.get(id)?.abort();
      controllers.delete(id);
      set($items.get().filter((item) => item.id !== id));
    },
    take() {
      const done = $items.get().filter((item) => item.state === 'done' && item.attachment);
      if (done.length) set($items.get().filter((item) => !done.includes(item)));
      return done.map((item) => item.attachment!);
    },
    destroy() {
      stopSync();
      for (const controller of controllers.values()) controller.abort();
      controllers.clear();
    },
  };
}

/**
 * A rate limit (429), or a 503 that says when to come back (`Retry-After`, a maintenance window).
 * A bare 503 or another 5xx fails at once, so the visitor sees it and decides.
 */
function isBusy(error: unknown): error is HttpError {
  return isHttpError(error) && (error.status === 429 || (error.status === 503 && error.retryAfter !== undefined));
}

function uploadProblem(error: unknown): UploadProblem {
  if (isHttpError(error)) {
    if (error.problemCode === 'payload_too_large' || error.status === 413) return 'size';
    if (error.problemCode === 'unsupported_type' || error.status === 415) return 'type';
  }
  return 'failed';
}

// Refused files are not saved: they never left the page, and the visitor saw why.
function toDraft(item: UploadItem): DraftUpload[] {
  if (item.state === 'refused') return [];
  const state = item.state === 'checking' || item.state === 'waiting' ? 'uploading' : item.state;
  return [
    {
      id: item.id,
      name: item.name,
      size: item.size,
      type: item.type,
      state,
      ...(item.problem ? { problem: item.problem } : {}),
      ...(item.attachment ? { attachment: item.attachment } : {}),
    },
  ];
}

// After a reload an upload in flight is lost with its bytes: it shows as failed, not stuck.
function restore(drafts: readonly DraftUpload[]): UploadItem[] {
  return drafts.map((draft) => ({
    id: draft.id,
    name: draft.name,
    size: draft.size,
    type: draft.type,
    progress: draft.state === 'done' ? 1 : 0,
    ...(draft.state === 'done' && draft.attachment
      ? { state: 'done' as const, attachment: draft.attachment }
      : { state: 'failed' as const, problem: draft.state === 'uploading' ? 'interrupted' : ((draft.problem as UploadProblem) ?? 'failed') }),
  }));
}
