// Errors a program can act on, through a second gRPC implementation (Node's @grpc/grpc-js, the .proto files only):
// google.rpc.Status decoded from grpc-status-details-bin, ErrorInfo reasons, and the audit entry of a feed reply.
// Starts the built hub with hub.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import grpc from '@grpc/grpc-js';
import protobuf from 'protobufjs';
import { startHub, metadata } from './hub.mjs';

let port, v1, stop;

// google/rpc/status.proto and the two details the hub sends (google/rpc/error_details.proto), as published.
const rpc = protobuf.parse(`syntax = "proto3"; package google.rpc;
  message Any { string type_url = 1; bytes value = 2; }
  message Status { int32 code = 1; string message = 2; repeated Any details = 3; }
  message ErrorInfo { string reason = 1; string domain = 2; map<string, string> metadata = 3; }
  message BadRequest { message FieldViolation { string field = 1; string description = 2; } repeated FieldViolation field_violations = 1; }`,
  { keepCase: true }).root;

function details(err) {
  const bin = err.metadata.get('grpc-status-details-bin')[0];
  assert.ok(bin, `${err.code} ${err.details}: no grpc-status-details-bin`);
  const status = rpc.lookupType('google.rpc.Status').decode(bin);
  assert.equal(status.code, err.code);
  const of = (name) => status.details.filter((d) => d.type_url === `type.googleapis.com/google.rpc.${name}`)
    .map((d) => rpc.lookupType(`google.rpc.${name}`).decode(d.value))[0];
  return { info: of('ErrorInfo'), badRequest: of('BadRequest') };
}

before(async () => {
  ({ port, v1, stop } = await startHub(['exchangehub/v1/tax_feed_service.proto', 'exchangehub/v1/transfer_service.proto',
    'exchangehub/v1/refund_service.proto']));
});

after(() => stop?.());

const unary = (client, method, token, request) => new Promise((ok, fail) =>
  client[method](request, metadata(token), { deadline: Date.now() + 30000 }, (err, reply) => (err ? fail(err) : ok(reply))));

async function refused(promise) {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  assert.fail('the call succeeded');
}

test('a malformed message (invalid UTF-8 in a string) is INVALID_ARGUMENT with ErrorInfo MALFORMED_MESSAGE and a BadRequest', async () => {
  const client = new grpc.Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  const err = await refused(new Promise((ok, fail) => client.makeUnaryRequest('/exchangehub.v1.RefundService/GetRefundDecision',
    (b) => b, (b) => b, Buffer.from('0a03eda08010e80f', 'hex'), metadata('dev-operator-token'), { deadline: Date.now() + 30000 },
    (e, reply) => (e ? fail(e) : ok(reply)))));
  assert.equal(err.code, grpc.status.INVALID_ARGUMENT);
  const { info, badRequest } = details(err);
  assert.deepEqual([info.domain, info.reason, info.metadata.field], ['exchangehub.v1', 'MALFORMED_MESSAGE', 'request']);
  assert.equal(badRequest.field_violations[0].field, 'request');
  client.close();
});

test('NOT_FOUND carries its reason and the key asked for', async () => {
  const transfers = new v1.TransferService(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  const err = await refused(unary(transfers, 'GetTransfer', 'dev-operator-token', { transfer_id: 'tr-none' }));
  assert.equal(err.code, grpc.status.NOT_FOUND);
  const { info } = details(err);
  assert.deepEqual([info.reason, info.metadata.resource, info.metadata.transfer_id], ['TRANSFER_NOT_FOUND', 'transfer', 'tr-none']);
});

test('FAILED_PRECONDITION carries its reason', async () => {
  const refunds = new v1.RefundService(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  const err = await refused(unary(refunds, 'ConfirmRefund', 'dev-operator-token', { uscc: '91350100M000100Y43', program_year: 2024 }));
  assert.equal(err.code, grpc.status.FAILED_PRECONDITION);
  assert.equal(details(err).info.reason, 'REFUND_NOT_DECIDED');
});

test('a feed reply carries its audit entry: a non-zero audit_sequence and the entry hash', async () => {
  const tax = new v1.TaxFeedService(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  const reply = await new Promise((ok, fail) => {
    const call = tax.PushSettlements(metadata('dev-tax-token'), { deadline: Date.now() + 30000 }, (e, r) => (e ? fail(e) : ok(r)));
    call.write({ statuses: [{ source_record_id: 'err-s1', revision: 1, uscc: '91350100M000100Y43', period: '2023-05',
      status: 'SETTLEMENT_STATUS_SETTLED', status_date: '2023-06-20' }] });
    call.end();
  });
  assert.equal(reply.summary.accepted, 1);
  assert.ok(reply.summary.audit_sequence > 0);
  assert.match(reply.summary.audit_entry_hash, /^[0-9a-f]{64}$/);
});
