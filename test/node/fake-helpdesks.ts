// Local stand-ins for Zendesk, Salesforce and Freshdesk: each checks the documented request shape of
// the calls the adapters make (path, method, auth, JSON body) and answers as the vendor does,
// including its error bodies and rate limits. Faults are scripted per test.
import { createServer, type IncomingMessage, type Server } from 'node:http';

export type Vendor = 'zendesk' | 'salesforce' | 'freshdesk';
/** Applied to the next requests in order; `none` answers one normally. */
export type HelpdeskFault = 'none' | 'rate-limit' | 'outage' | 'add-then-drop';

export interface FakeHelpdesk {
  url: string;
  /** Notes on each ticket, as the vendor stores them: the body text and whether it is private. */
  notes: Map<string, { body: string; private: boolean }[]>;
  /** Every request: method and path (with query). */
  requests: string[];
  /** Request-shape problems found (a test asserts there are none). */
  violations: string[];
  faults: HelpdeskFault[];
  stop(): Promise<void>;
}

export const CREDENTIALS = {
  zendesk: { email: 'agent@acme.test', apiToken: 'zd-token-123' },
  salesforce: { accessToken: '00Dxx0000001gPL!AR8AQ.token' },
  freshdesk: { apiKey: 'fd-key-456' },
};
const AUTH: Record<Vendor, string> = {
  zendesk: `Basic ${Buffer.from('agent@acme.test/token:zd-token-123').toString('base64')}`,
  salesforce: 'Bearer 00Dxx0000001gPL!AR8AQ.token',
  freshdesk: `Basic ${Buffer.from('fd-key-456:X').toString('base64')}`,
};
export const TICKETS: Record<Vendor, string> = {
  zendesk: '35436',
  salesforce: '500Hs00001XyZabIAF',
  freshdesk: '1042',
};

type Answer = [status: number, body: unknown, headers?: Record<string, string>];

const UNAUTHORIZED: Record<Vendor, Answer> = {
  zendesk: [401, { error: "Couldn't authenticate you" }],
  salesforce: [401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]],
  freshdesk: [401, { code: 'invalid_credentials', message: 'You have to be logged in to perform this action.' }],
};
const NOT_FOUND: Record<Vendor, Answer> = {
  zendesk: [404, { error: 'RecordNotFound', description: 'Not found' }],
  salesforce: [
    400,
    [{ message: 'Parent Case: id value of incorrect type', errorCode: 'MALFORMED_ID', fields: ['ParentId'] }],
  ],
  freshdesk: [404, undefined],
};
const RATE_LIMITED: Record<Vendor, Answer> = {
  zendesk: [429, { error: 'TooManyRequests', description: 'Rate limit exceeded' }, { 'Retry-After': '7' }],
  salesforce: [403, [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }]],
  freshdesk: [429, { message: 'You have exceeded the limit of requests per hour' }, { 'Retry-After': '11' }],
};

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? undefined : JSON.parse(text);
}

export async function startFakeHelpdesk(vendor: Vendor): Promise<FakeHelpdesk> {
  const state: Omit<FakeHelpdesk, 'url' | 'stop'> = {
    notes: new Map([[TICKETS[vendor], []]]),
    requests: [],
    violations: [],
    faults: [],
  };
  const route = ROUTES[vendor];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      state.requests.push(`${req.method} ${url.pathname}${url.search}`);
      const send = ([status, body, headers = {}]: Answer) => {
        const text = body === undefined ? '' : JSON.stringify(body);
        res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers }).end(text);
      };
      if (req.headers.authorization !== AUTH[vendor]) return send(UNAUTHORIZED[vendor]);
      const fault = state.faults.shift();
      if (fault === 'rate-limit') return send(RATE_LIMITED[vendor]);
      if (fault === 'outage') return send([503, { error: 'Service Unavailable' }]);
      let body: unknown;
      try {
        body = await readJson(req);
      } catch {
        return send([400, { error: 'Unparseable JSON' }]);
      }
      if (body !== undefined && !/^application\/json/.test(req.headers['content-type'] ?? ''))
        state.violations.push(`${req.method} ${url.pathname}: a JSON body without Content-Type: application/json`);
      const answer = route(req.method ?? 'GET', url, body, state);
      if (fault === 'add-then-drop') return req.socket.destroy();
      send(answer);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    ...state,
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

type Route = (method: string, url: URL, body: any, state: Omit<FakeHelpdesk, 'url' | 'stop'>) => Answer;

const notesOf = (state: Omit<FakeHelpdesk, 'url' | 'stop'>, id: string) => state.notes.get(id);

const ROUTES: Record<Vendor, Route> = {
  zendesk(method, url, body, state) {
    const m = /^\/api\/v2\/tickets\/(\d+)(\.json|\/comments\.json)$/.exec(url.pathname);
    const notes = m && notesOf(state, m[1]!);
    if (!m || !notes) return NOT_FOUND.zendesk;
    if (m[2] === '/comments.json' && method === 'GET') {
      const comments = notes.map((n, i) => ({
        id: i + 1,
        body: n.body.replace(/<[^>]+>/g, ' '),
        html_body: n.body,
        public: !n.private,
      }));
      return [200, { comments, next_page: null, previous_page: null, count: comments.length }];
    }
    if (m[2] === '.json' && method === 'PUT') {
      const comment = body?.ticket?.comment;
      if (typeof comment?.html_body !== 'string' && typeof comment?.body !== 'string')
        return [
          422,
          {
            error: 'RecordInvalid',
            description: 'Record validation errors',
            details: { base: [{ description: 'Comment: body required' }] },
          },
        ];
      if (comment.public !== false) state.violations.push('a Zendesk comment without public: false is public');
      notes.push({ body: comment.html_body ?? comment.body, private: comment.public === false });
      return [200, { ticket: { id: Number(m[1]) }, audit: { events: [{ type: 'Comment', public: comment.public }] } }];
    }
    return [405, { error: 'MethodNotAllowed' }];
  },
  salesforce(method, url, body, state) {
    if (url.pathname === '/services/data/v61.0/query' && method === 'GET') {
      const q = url.searchParams.get('q') ?? '';
      const m = /^SELECT Id, CommentBody, IsPublished FROM CaseComment WHERE ParentId = '(\w+)'$/.exec(q);
      if (!m) return [400, [{ message: `unexpected query: ${q}`, errorCode: 'MALFORMED_QUERY' }]];
      const records = (notesOf(state, m[1]!) ?? []).map((n, i) => ({
        attributes: { type: 'CaseComment' },
        Id: `00a${i}`,
        CommentBody: n.body,
        IsPublished: !n.private,
      }));
      return [200, { totalSize: records.length, done: true, records }];
    }
    if (url.pathname === '/services/data/v61.0/sobjects/CaseComment' && method === 'POST') {
      if (typeof body?.CommentBody !== 'string')
        return [
          400,
          [
            {
              message: 'Required fields are missing: [CommentBody]',
              errorCode: 'REQUIRED_FIELD_MISSING',
              fields: ['CommentBody'],
            },
          ],
        ];
      if (Buffer.byteLength(body.CommentBody) > 4000)
        return [
          400,
          [{ message: 'Body: data value too large', errorCode: 'STRING_TOO_LONG', fields: ['CommentBody'] }],
        ];
      const notes = notesOf(state, body.ParentId);
      if (!notes) return NOT_FOUND.salesforce;
      if (body.IsPublished !== false) state.violations.push('a CaseComment without IsPublished: false is published');
      notes.push({ body: body.CommentBody, private: body.IsPublished === false });
      return [201, { id: `00a${notes.length}`, success: true, errors: [] }];
    }
    return [404, [{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }]];
  },
  freshdesk(method, url, body, state) {
    const m = /^\/api\/v2\/tickets\/(\d+)\/(notes|conversations)$/.exec(url.pathname);
    const notes = m && notesOf(state, m[1]!);
    if (!m || !notes) return NOT_FOUND.freshdesk;
    if (m[2] === 'conversations' && method === 'GET') {
      const page = Number(url.searchParams.get('page') ?? 1);
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      const all = notes.map((n, i) => ({
        id: i + 1,
        body: n.body,
        body_text: n.body.replace(/<[^>]+>/g, ' '),
        private: n.private,
      }));
      return [200, all.slice((page - 1) * perPage, page * perPage)];
    }
    if (m[2] === 'notes' && method === 'POST') {
      if (typeof body?.body !== 'string')
        return [
          400,
          {
            description: 'Validation failed',
            errors: [{ field: 'body', message: 'It should be a/an String', code: 'missing_field' }],
          },
        ];
      if (body.private !== true) state.violations.push('a Freshdesk note without private: true is public');
      notes.push({ body: body.body, private: body.private === true });
      return [201, { id: notes.length, body: body.body, private: body.private, ticket_id: Number(m[1]) }];
    }
    return [405, { message: 'Method not allowed' }];
  },
};
