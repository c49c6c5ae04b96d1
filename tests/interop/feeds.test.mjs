// The hub through a second gRPC implementation: Node's @grpc/grpc-js, loading only the .proto files.
// Starts the built hub (src/ExchangeHub.Server/bin/Debug/net10.0) on a free loopback port over a temporary SQLite file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, waitForPort } from './hub.mjs';
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const hubDir = join(root, 'src/ExchangeHub.Server/bin/Debug/net10.0');
let hub, port, dir, v1;

before(async () => {
  assert.ok(existsSync(join(hubDir, 'ExchangeHub.Server.dll')), 'build the solution first (scripts/test.sh does)');
  dir = mkdtempSync(join(tmpdir(), 'exchangehub-interop-'));
  port = await freePort();
  hub = spawn('dotnet', ['ExchangeHub.Server.dll', '--urls', `http://127.0.0.1:${port}`,
    '--Hub:Storage:ConnectionString', `Data Source=${join(dir, 'hub.db')}`], { cwd: hubDir, stdio: 'ignore' });
  await waitForPort(port, 60000);
  const definition = protoLoader.loadSync(['exchangehub/v1/tax_feed_service.proto', 'exchangehub/v1/market_feed_service.proto',
    'exchangehub/v1/transfer_feed_service.proto', 'exchangehub/v1/transfer_service.proto', 'exchangehub/v1/person_service.proto',
    'exchangehub/v1/benefit_claim_service.proto'],
    { includeDirs: [join(root, 'protos')], keepCase: true, longs: Number, enums: String, defaults: true });
  v1 = grpc.loadPackageDefinition(definition).exchangehub.v1;
});

after(() => { hub?.kill(); rmSync(dir, { recursive: true, force: true }); });

function metadata(token) {
  const m = new grpc.Metadata();
  if (token) m.set('authorization', `Bearer ${token}`);
  return m;
}

function push(client, method, token, batches) {
  return new Promise((ok, fail) => {
    const call = client[method](metadata(token), { deadline: Date.now() + 30000 }, (err, reply) => (err ? fail(err) : ok(reply)));
    for (const batch of batches) call.write(batch);
    call.end();
  });
}

const line = (id, extra = {}) => ({
  source_record_id: id, revision: 1, uscc: '91350100M000100Y43', resident_id: '11010519491231002X', period: '2023-05',
  employer_amount_fen: 1500, employee_amount_fen: 1500, wage_base_fen: 300000, kind: 'CONTRIBUTION_KIND_REGULAR',
  received_date: '2023-06-15', tax_office_code: '65900101', ...extra,
});

test('PushContributions from grpc-js: stored, duplicates counted, bad record rejected with field and reason', async () => {
  const tax = new v1.TaxFeedService(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  const first = await push(tax, 'PushContributions', 'dev-tax-token', [{ lines: [line('n-1'), line('n-2', { resident_id: '360426199101010071' })] }]);
  assert.equal(first.summary.accepted, 2);
  const second = await push(tax, 'PushContributions', 'dev-tax-token', [
    { lines: [line('n-1')] },
    { lines: [line('n-3', { uscc: '91350100M000100Y44' })] },
  ]);
  assert.equal(second.summary.batches, 2);
  assert.equal(second.summary.duplicate, 1);
  assert.equal(second.summary.rejected, 1);
  assert.deepEqual(
    [second.summary.rejections[0].source_record_id, second.summary.rejections[0].field, second.summary.rejections[0].reason_code, second.summary.rejections[0].batch_index],
    ['n-3', 'uscc', 'USCC_CHECK_CHARACTER', 1]);
  tax.close();
});

test('calls without a token are UNAUTHENTICATED, with another role PERMISSION_DENIED', async () => {
  const tax = new v1.TaxFeedService(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  await assert.rejects(push(tax, 'PushContributions', null, [{ lines: [line('n-9')] }]), (e) => e.code === grpc.status.UNAUTHENTICATED);
  await assert.rejects(push(tax, 'PushContributions', 'dev-market-token', [{ lines: [line('n-9')] }]), (e) => e.code === grpc.status.PERMISSION_DENIED);
  tax.close();
});

test('an empty batch is INVALID_ARGUMENT', async () => {
  const market = new v1.MarketRegulationFeedService(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  await assert.rejects(push(market, 'PushUnits', 'dev-market-token', [{ units: [] }]), (e) => e.code === grpc.status.INVALID_ARGUMENT && /units/.test(e.details));
  market.close();
});

function unary(client, method, token, request) {
  return new Promise((ok, fail) => client[method](request, metadata(token), { deadline: Date.now() + 30000 }, (err, reply) => (err ? fail(err) : ok(reply))));
}

function readAll(call) {
  return new Promise((ok, fail) => { const items = []; call.on('data', (d) => items.push(d)); call.on('end', () => ok(items)); call.on('error', fail); });
}

test('a transfer from grpc-js: pushed, accepted, streamed back by WatchTransferUpdates, a dated status update, in the person\'s file', async () => {
  const address = `127.0.0.1:${port}`;
  const feed = new v1.TransferFeedService(address, grpc.credentials.createInsecure());
  const transfers = new v1.TransferService(address, grpc.credentials.createInsecure());
  const persons = new v1.PersonService(address, grpc.credentials.createInsecure());
  const residentId = '11010519491231002X';
  const pushed = await push(feed, 'PushTransferRequests', 'dev-transfer-token', [{ requests: [{
    source_record_id: 'js-tr-1', revision: 1, resident_id: residentId, direction: 'TRANSFER_DIRECTION_IN', counterpart_province_code: '32',
    insured_periods: [{ from_period: '2019-01', to_period: '2020-12' }], benefit_months_paid: 0,
    consolidation_place: 'CONSOLIDATION_PLACE_LAST_INSURED', requested_date: '2024-03-01' }] }]);
  assert.equal(pushed.summary.accepted, 1);
  await unary(transfers, 'AcceptTransfer', 'dev-operator-token', { transfer_id: 'js-tr-1' });

  const updates = await readAll(transfers.WatchTransferUpdates({ after_cursor: 0, follow: false }, metadata('dev-transfer-token'),
    { deadline: Date.now() + 30000 }));
  const mine = updates.filter((u) => u.transfer_id === 'js-tr-1');
  assert.deepEqual(mine.map((u) => [u.status, u.direction, u.resident_id]), [['TRANSFER_STATUS_ACCEPTED', 'TRANSFER_DIRECTION_IN', residentId]]);
  assert.ok(mine[0].cursor > 0);

  const sent = await new Promise((ok, fail) => {
    const call = transfers.UpdateTransferStatus(metadata('dev-transfer-token'), { deadline: Date.now() + 30000 }, (err, reply) => (err ? fail(err) : ok(reply)));
    call.write({ transfer_id: 'js-tr-1', status: 'TRANSFER_STATUS_SENT', status_date: '2024-03-05' });
    call.end();
  });
  assert.equal(sent.updated, 1);
  const read = await unary(transfers, 'GetTransfer', 'dev-operator-token', { transfer_id: 'js-tr-1' });
  assert.deepEqual([read.transfer.status, read.transfer.status_date], ['TRANSFER_STATUS_SENT', '2024-03-05']);

  const file = await unary(persons, 'GetPersonRecord', 'dev-operator-token', { resident_id: residentId });
  assert.equal(file.person_key.length, 32);
  assert.deepEqual(file.transfers.map((t) => [t.transfer_id, t.status, t.status_date]), [['js-tr-1', 'TRANSFER_STATUS_SENT', '2024-03-05']]);
  assert.ok(!JSON.stringify(file).includes(residentId), 'the person file names the person by key only');
  await assert.rejects(unary(persons, 'GetPersonRecord', 'dev-transfer-token', { person_key: file.person_key }),
    (e) => e.code === grpc.status.PERMISSION_DENIED);
  feed.close(); transfers.close(); persons.close();
});

// A unary call's reply and its trailers (the hub marks a reply served for a repeated request_id).
function unaryWithTrailers(client, method, token, request) {
  return new Promise((ok, fail) => {
    let reply;
    let failed;
    const call = client[method](request, metadata(token), { deadline: Date.now() + 30000 }, (err, r) => { if (err) { failed = err; } reply = r; });
    call.on('status', (status) => (failed ? fail(failed) : ok({ reply, trailers: status.metadata })));
  });
}

test('request_id from grpc-js: the same id and request answered once, another request with it ALREADY_EXISTS', async () => {
  const claims = new v1.BenefitClaimService(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  const claim = { resident_id: '360426199101010071', applied_date: '2024-06-03', separation_reason: 'SEPARATION_REASON_CONTRACT_EXPIRED',
    registration: 'REGISTRATION_REGISTERED', channels: ['NOTIFICATION_CHANNEL_APP'], request_id: 'js-claim-1' };
  const first = await unaryWithTrailers(claims, 'SubmitClaim', 'dev-operator-token', claim);
  const again = await unaryWithTrailers(claims, 'SubmitClaim', 'dev-operator-token', claim);
  assert.equal(again.reply.claim_id, first.reply.claim_id);
  assert.deepEqual(first.trailers.get('exchangehub-request-replayed'), []);
  assert.deepEqual(again.trailers.get('exchangehub-request-replayed'), ['true']);
  await assert.rejects(unary(claims, 'SubmitClaim', 'dev-operator-token', { ...claim, applied_date: '2024-06-04' }),
    (e) => e.code === grpc.status.ALREADY_EXISTS && /request_id/.test(e.details));
  await assert.rejects(unary(claims, 'SubmitClaim', 'dev-operator-token', { ...claim, request_id: 'not ok' }),
    (e) => e.code === grpc.status.INVALID_ARGUMENT && /request_id/.test(e.details));
  claims.close();
});
