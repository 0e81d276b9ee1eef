import type {
  Attachment,
  Conversation,
  ConversationStatus,
  OperatorConversation,
  OperatorConversationDetail,
  OperatorSendRequest,
  SendMessageResponse,
} from '../../core/protocol/index.js';

/** A failed operator API call, with the problem code the server answered. */
export class ConsoleApiError extends Error {
  override name = 'ConsoleApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface OperatorApi {
  list(): Promise<OperatorConversation[]>;
  detail(id: string): Promise<OperatorConversationDetail>;
  send(id: string, body: OperatorSendRequest): Promise<SendMessageResponse>;
  setStatus(id: string, status: ConversationStatus): Promise<Conversation>;
  join(id: string, authorName: string): Promise<Conversation>;
  typing(id: string, typing: boolean): Promise<void>;
  read(id: string, seq: number): Promise<void>;
  upload(file: File): Promise<Attachment>;
  /** Downloads an attachment with the key header; `url` is the message's `/v1/files/…` url. */
  file(url: string): Promise<Blob>;
}

/** The console's client for `/v1/operator/*` on its own origin. */
export function createOperatorApi(key: string): OperatorApi {
  const base = '/v1/operator';
  const auth = { Authorization: `Bearer ${key}` };

  async function request(method: string, path: string, body?: unknown): Promise<Response> {
    const init: RequestInit = { method, headers: { ...auth }, cache: 'no-store' };
    if (body instanceof FormData) init.body = body;
    else if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers = { ...auth, 'Content-Type': 'application/json' };
    }
    const res = await fetch(`${base}${path}`, init);
    if (!res.ok) throw await toError(res);
    return res;
  }
  const json = async <T>(method: string, path: string, body?: unknown): Promise<T> =>
    (await (await request(method, path, body)).json()) as T;

  return {
    list: async () => (await json<{ conversations: OperatorConversation[] }>('GET', '/conversations')).conversations,
    detail: (id) => json('GET', `/conversations/${encodeURIComponent(id)}`),
    send: (id, body) => json('POST', `/conversations/${encodeURIComponent(id)}/messages`, body),
    setStatus: async (id, status) =>
      (await json<{ conversation: Conversation }>('POST', `/conversations/${encodeURIComponent(id)}/status`, { status }))
        .conversation,
    join: async (id, authorName) =>
      (await json<{ conversation: Conversation }>('POST', `/conversations/${encodeURIComponent(id)}/join`, { authorName }))
        .conversation,
    typing: async (id, typing) => {
      await request('POST', `/conversations/${encodeURIComponent(id)}/typing`, { typing });
    },
    read: async (id, seq) => {
      await request('POST', `/conversations/${encodeURIComponent(id)}/read`, { seq });
    },
    upload: async (file) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return (await json<{ attachment: Attachment }>('POST', '/uploads', form)).attachment;
    },
    file: async (url) => {
      // Messages carry the visitor url; the desk reads the same file through its own route.
      const id = url.split('/').pop() ?? '';
      return (await request('GET', `/files/${encodeURIComponent(id)}`)).blob();
    },
  };
}

async function toError(res: Response): Promise<ConsoleApiError> {
  const text = await res.text();
  try {
    const problem = JSON.parse(text) as { code?: string; message?: string };
    return new ConsoleApiError(res.status, problem.code ?? 'unknown', problem.message ?? res.statusText);
  } catch {
    // Not a problem object (a proxy's error page, say): keep the status and the start of the text.
    return new ConsoleApiError(res.status, 'unknown', text.slice(0, 200) || res.statusText);
  }
}
