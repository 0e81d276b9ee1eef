/** Drives the reference server's operator API, as the console would. */
export function operatorApi(baseUrl: string, key: string) {
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}/v1/operator${path}`, {
      method,
      headers: { Authorization: `Bearer ${key}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!response.ok) throw new Error(`operator ${method} ${path}: HTTP ${response.status} ${await response.text()}`);
    return response.status === 204 ? null : response.json();
  };
  let n = 0;
  return {
    conversations: () => call('GET', '/conversations') as Promise<{ conversations: Array<{ id: string; status: string }> }>,
    conversation: (id: string) => call('GET', `/conversations/${id}`),
    reply: (id: string, text: string) =>
      call('POST', `/conversations/${id}/messages`, { clientId: `op_${Date.now()}_${n++}`, text, authorName: 'Alex' }),
    setStatus: (id: string, status: 'open' | 'pending' | 'resolved') => call('POST', `/conversations/${id}/status`, { status }),
  };
}
