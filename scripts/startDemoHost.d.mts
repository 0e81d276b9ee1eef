export interface DemoHost {
  url: string;
  close(): Promise<void>;
}
export function startDemoHost(options: {
  port?: number;
  host?: string;
  endpoint: string;
  headers?: Record<string, string>;
  pages?: Record<string, string>;
}): Promise<DemoHost>;
