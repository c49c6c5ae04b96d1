// The reply side of the contract through a second gRPC implementation (Node's @grpc/grpc-js), from the .proto files
// alone (issue 13): a run's reply carries enum names, Timestamps and its decision date; a refund decision's rule results
// are RuleEvaluation names; an invalid list filter is INVALID_ARGUMENT with a google.rpc.BadRequest naming the field.
// Starts the built hub through hub.mjs (a free loopback port, a temporary SQLite file).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHub, metadata } from './hub.mjs';
import grpc from '@grpc/grpc-js';

const uscc = '91350100M000100Y43';
let v1, address, stop;

function unary(client, method, token, request) {
  return new Promise((ok, fail) => client[method](request, metadata(token), { deadline: Date.now() + 60000 }, (err, reply) => (err ? fail(err) : ok(reply))));
}

function push(client, method, token, batches) {
  return new Promise((ok, fail) => {
    const call = client[method](metadata(token), { deadline: Date.now() + 30000 }, (err, reply) => (err ? fail(err) : ok(reply)));
    for (const batch of batches) call.write(batch);
    call.end();
  });
}

function readAll(call) {
  return new Promise((ok, fail) => { const items = []; call.on('data', (d) => items.push(d)); call.on('end', () => ok(items)); call.on('error', fail); });
}

// Just enough protobuf to read google.rpc.Status → Any → google.rpc.BadRequest from grpc-status-details-bin, so this
// test needs no google/rpc protos: (field number, bytes) pairs of the length-delimited fields of a message.
function fields(buffer) {
  const out = [];
  let i = 0;
  const varint = () => { let v = 0, shift = 0, b; do { b = buffer[i++]; v += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80); return v; };
  while (i < buffer.length) {
    const key = varint();
    const [field, wire] = [Math.floor(key / 8), key & 7];
    if (wire === 0) varint();
    else if (wire === 2) { const n = varint(); out.push([field, buffer.subarray(i, i + n)]); i += n; }
    else throw new Error(`wire type ${wire} not expected`);
  }
  return out;
}

function badRequestFields(error) {
  const [details] = error.metadata.get('grpc-status-details-bin');
  assert.ok(details, 'the error carries google.rpc.Status details');
  const violations = [];
  for (const [n, any] of fields(Buffer.from(details))) {
    if (n !== 3) continue;
    const parts = Object.fromEntries(fields(any));
    if (parts[1].toString() !== 'type.googleapis.com/google.rpc.BadRequest') continue;
    for (const [m, violation] of fields(parts[2])) {
      if (m === 1) violations.push(Object.fromEntries(fields(violation))[1].toString());
    }
  }
  return violations;
}

before(async () => {
  let port;
  ({ port, v1, stop } = await startHub(['exchangehub/v1/market_feed_service.proto', 'exchangehub/v1/reconciliation_service.proto',
    'exchangehub/v1/refund_service.proto'], { oneofs: true }));
  address = `127.0.0.1:${port}`;
  const market = new v1.MarketRegulationFeedService(address, grpc.credentials.createInsecure());
  const pushed = await push(market, 'PushUnits', 'dev-market-token', [{ units: [{
    source_record_id: 'js-unit-1', revision: 1, uscc, name: 'Interop Unit', organisation_type: 'ORGANISATION_TYPE_ENTERPRISE',
    registration_status: 'REGISTRATION_STATUS_ACTIVE', registered_date: '2015-03-01', industry_code: 'C13', size_class: 'SIZE_CLASS_SMALL',
    size_class_source: 'SIZE_CLASS_SOURCE_PROVISIONAL', division_code: '01' }] }]);
  assert.equal(pushed.summary.accepted, 1);
  market.close();
});

after(() => stop?.());

const isTimestamp = (t) => t !== null && typeof t === 'object' && Number.isInteger(Number(t.seconds)) && Number.isInteger(t.nanos);

test('RunReconciliation streams progress then the finished run: enum names, Timestamps, decision_date, split policy and amounts', async () => {
  const runs = new v1.ReconciliationService(address, grpc.credentials.createInsecure());
  const messages = await readAll(runs.RunReconciliation({ decision_date: '2024-06-30' }, metadata('dev-operator-token'), { deadline: Date.now() + 120000 }));
  const last = messages.at(-1);
  assert.equal(last.event, 'run', 'the finished run comes last');
  assert.ok(messages.slice(0, -1).every((m) => m.event === 'progress'), 'every message before it is progress');
  const run = last.run;
  assert.equal(run.status, 'RECONCILIATION_RUN_STATUS_COMPLETED');
  assert.equal(run.decision_date, '2024-06-30');
  assert.ok(isTimestamp(run.start_time) && isTimestamp(run.complete_time), 'start_time and complete_time are Timestamps');
  assert.ok(Number(run.complete_time.seconds) >= Number(run.start_time.seconds));
  assert.equal(run.units, 1);
  assert.match(run.policy_sha256, /^[0-9a-f]{64}$/);
  assert.ok(run.policy_id.length > 0 && run.policy_version.length > 0 && !run.policy_version.includes('sha256'));
  for (const amount of ['offered_amount_fen', 'held_amount_fen', 'awaiting_application_amount_fen']) assert.equal(typeof run[amount], 'number');

  const again = await unary(runs, 'GetReconciliationRun', 'dev-operator-token', { run_id: run.run_id });
  assert.deepEqual(again.run, run);
  runs.close();
});

test('a refund decision speaks enums: outcome, size class, RuleEvaluation names, D and T', async () => {
  const refunds = new v1.RefundService(address, grpc.credentials.createInsecure());
  const reply = await unary(refunds, 'GetRefundDecision', 'dev-operator-token', { uscc, program_year: 2024 });
  const d = reply.decision;
  assert.ok(['REFUND_OUTCOME_ELIGIBLE', 'REFUND_OUTCOME_INELIGIBLE', 'REFUND_OUTCOME_HELD', 'REFUND_OUTCOME_UNDETERMINED'].includes(d.outcome), d.outcome);
  assert.match(reply.state, /^REFUND_STATE_/);
  assert.equal(d.size_class, 'SIZE_CLASS_SMALL');
  assert.equal(d.size_class_source, 'SIZE_CLASS_SOURCE_PROVISIONAL');
  assert.equal(d.decision_date, '2024-06-30');
  assert.ok(isTimestamp(d.knowledge_time) && isTimestamp(d.decide_time));
  assert.ok(d.explanation.length > 0);
  for (const rule of d.explanation) {
    assert.ok(['RULE_EVALUATION_PASSED', 'RULE_EVALUATION_FAILED', 'RULE_EVALUATION_UNDETERMINED'].includes(rule.result), `${rule.rule_id}: ${rule.result}`);
  }

  const listed = await unary(refunds, 'ListRefundDecisions', 'dev-operator-token', { program_year: 2024, outcome: d.outcome, page_size: 5000 });
  assert.deepEqual(listed.decisions.map((x) => x.uscc), [uscc], 'a page_size over the maximum is clamped, not refused');
  refunds.close();
});

test('invalid list filters are INVALID_ARGUMENT with a BadRequest naming the field', async () => {
  const refunds = new v1.RefundService(address, grpc.credentials.createInsecure());
  const runs = new v1.ReconciliationService(address, grpc.credentials.createInsecure());
  const cases = [
    [refunds, 'ListRefundDecisions', { program_year: 2024, outcome: 99 }, 'outcome'],
    [refunds, 'ListRefundDecisions', { program_year: 2024, division_code: '99' }, 'division_code'],
    [refunds, 'ListRefundDecisions', { program_year: 2024, page_size: -1 }, 'page_size'],
    [refunds, 'ListRefundDecisions', { program_year: 2024, page_token: 'not-a-token' }, 'page_token'],
    [runs, 'ListReconciliationExceptions', { code: 'BOGUS' }, 'code'],
    [runs, 'ListReconciliationExceptions', { page_token: '12' }, 'page_token'],
  ];
  for (const [client, method, request, field] of cases) {
    await assert.rejects(unary(client, method, 'dev-operator-token', request), (e) => {
      assert.equal(e.code, grpc.status.INVALID_ARGUMENT, `${method} ${JSON.stringify(request)}`);
      assert.deepEqual(badRequestFields(e), [field]);
      return true;
    });
  }
  refunds.close(); runs.close();
});
