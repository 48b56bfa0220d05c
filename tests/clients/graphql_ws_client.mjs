// The npm `graphql-ws` client against a running frontdesk server (run by .ci/run).
//
//   node graphql_ws_client.mjs http://127.0.0.1:8000
//
// Signs up a fresh company over HTTP, connects with its token in connectionParams, subscribes to
// presenceChanged, makes a change over HTTP, receives it, completes the subscription and
// disposes the client; then checks that a bad token is refused with close code 4403.
// Prints "graphql-ws client: ok" and exits 0, or prints why and exits 1 (also after 10 s).
// Needs Node 20+ and graphql-ws 6, ws 8 and graphql 16 installed next to it.

import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const TIMEOUT_MS = 10_000;
const SETTLE_MS = 300; // after the subscribe message, for the server to register it
const PASSWORD = 'correct-horse-battery';

function fail(why) {
  let text = why instanceof Error ? why.stack : String(why);
  if (why instanceof Error && why.cause) text += `\n  caused by: ${why.cause.stack ?? why.cause}`;
  console.error(`graphql-ws client: FAILED: ${text}`);
  process.exit(1);
}

function describe(value) {
  if (value && typeof value === 'object' && 'code' in value && 'reason' in value) {
    return `close ${value.code} ${JSON.stringify(value.reason)}`; // a CloseEvent
  }
  return value instanceof Error ? value.message : JSON.stringify(value);
}

function check(condition, what) {
  if (!condition) throw new Error(what);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

if (!process.argv[2]) {
  fail('usage: node graphql_ws_client.mjs http://HOST:PORT');
}
const httpUrl = new URL('/graphql', process.argv[2]).href;
const wsUrl = httpUrl.replace(/^http/, 'ws');

setTimeout(() => fail(`timed out after ${TIMEOUT_MS / 1000} s`), TIMEOUT_MS);
process.on('unhandledRejection', fail);

async function post(query, variables = {}, token = undefined) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(httpUrl, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`POST ${httpUrl}: HTTP ${response.status}, not JSON: ${text.slice(0, 200)}`);
  }
  if (response.status !== 200 || body.errors) {
    throw new Error(`POST ${httpUrl}: HTTP ${response.status}: ${text.slice(0, 500)}`);
  }
  return body.data;
}

async function signUp() {
  const email = `graphql-ws-${Date.now()}-${process.pid}@clients.example`;
  const data = await post(
    `mutation SignUp($input: SignUpInput!) {
       signUp(input: $input) { accessToken user { email } errors { field code message } }
     }`,
    { input: { companyName: 'graphql-ws client', fullName: 'Gus Client', email, password: PASSWORD, language: 'en' } },
  );
  check(data.signUp.errors.length === 0, `signUp: ${JSON.stringify(data.signUp.errors)}`);
  return { email, token: data.signUp.accessToken };
}

async function setPresence(token, status) {
  const data = await post(
    `mutation Set($status: PresenceStatus!) {
       setPresence(input: {status: $status}) { presence { status } errors { code message } }
     }`,
    { status },
    token,
  );
  const payload = data.setPresence;
  check(payload.errors.length === 0, `setPresence: ${JSON.stringify(payload.errors)}`);
  check(payload.presence.status === status, `setPresence answered ${JSON.stringify(payload)}`);
}

// Connect with a token, subscribe, receive, complete, dispose.
async function subscribeAndReceive() {
  const { email, token } = await signUp();
  const seen = { connected: 0, closed: [] };
  let closed;
  const closedOnce = new Promise((resolve) => (closed = resolve));
  const client = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: { Authorization: `Bearer ${token}` },
    retryAttempts: 0,
    shouldRetry: () => false,
    on: {
      connected: () => seen.connected++,
      closed: (event) => {
        seen.closed.push(event);
        closed(event);
      },
    },
  });

  const events = client.iterate({ query: 'subscription { presenceChanged { status user { email } } }' });
  const first = events.next(); // sends connection_init, then subscribe once acknowledged

  // A query over the same socket: the token was accepted and the subscribe message went first.
  const me = client.iterate({ query: '{ me { email } }' });
  const answer = await me.next();
  check(!answer.done, 'the me query completed without a result');
  check(answer.value.data?.me?.email === email, `me answered ${JSON.stringify(answer.value)}`);
  check((await me.next()).done, 'the me query did not complete after its result');
  check(seen.connected === 1, `connected ${seen.connected} times, expected once`);
  await sleep(SETTLE_MS);

  await setPresence(token, 'BUSY');

  const received = await first;
  check(!received.done, 'the subscription ended before its first event');
  const event = received.value.data?.presenceChanged;
  check(
    event?.status === 'BUSY' && event?.user?.email === email && !received.value.errors,
    `received ${JSON.stringify(received.value)}`,
  );
  console.log(`graphql-ws client: received ${JSON.stringify(received.value)}`);

  // Complete: graphql-ws sends {"type": "complete"}; the lazy client then closes with 1000.
  await events.return();
  check((await events.next()).done, 'the subscription yielded after return()');
  await client.dispose();
  const event1000 = await closedOnce;
  check(event1000.code === 1000, `the socket closed with ${describe(event1000)}, expected 1000`);
  check(seen.closed.length === 1, `closed ${seen.closed.length} times`);
  console.log('graphql-ws client: subscription completed, client disposed (close 1000)');
}

// A bad token: the server closes the socket with 4403 Forbidden, and nothing is answered.
async function badTokenIsRefused() {
  let closed;
  const closedOnce = new Promise((resolve) => (closed = resolve));
  let acknowledged = false;
  const client = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: { Authorization: 'Bearer not-a-valid-token' },
    retryAttempts: 0,
    shouldRetry: () => false,
    on: {
      connected: () => (acknowledged = true),
      closed: (event) => closed(event),
    },
  });
  const outcome = await new Promise((resolve) => {
    client.subscribe(
      { query: '{ me { email } }' },
      {
        next: (value) => resolve({ next: value }),
        error: (error) => resolve({ error }),
        complete: () => resolve({ complete: true }),
      },
    );
  });
  const event = await closedOnce;
  await client.dispose();
  check(!acknowledged, 'the server acknowledged a connection with a bad token');
  check(event.code === 4403, `closed with ${describe(event)}, expected 4403`);
  check(outcome.error?.code === 4403, `the operation ended with ${describe(outcome)}, expected close 4403`);
  console.log(`graphql-ws client: bad token refused (${describe(event)})`);
}

try {
  await subscribeAndReceive();
  await badTokenIsRefused();
} catch (error) {
  fail(error);
}
console.log('graphql-ws client: ok');
process.exit(0);
