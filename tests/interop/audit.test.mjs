// Issue 15 from a second gRPC implementation, with nothing of the hub but its .proto files: push, fetch the hub's
// public key, a signed checkpoint and the inclusion proof of the push's own leaf, and verify both here — the ECDSA
// signature with node:crypto and the proof with RFC 9162 §2.1.3.2 written out below.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createVerify } from 'node:crypto';
import grpc from '@grpc/grpc-js';
import { startHub, metadata } from './hub.mjs';

let port, v1, stop;

before(async () => {
  ({ port, v1, stop } = await startHub(['exchangehub/v1/tax_feed_service.proto', 'exchangehub/v1/audit_service.proto']));
});

after(() => stop?.());

const unary = (client, method, request) => new Promise((ok, fail) =>
  client[method](request, metadata('dev-tax-token'), { deadline: Date.now() + 30000 }, (err, reply) => (err ? fail(err) : ok(reply))));

const node = (left, right) => createHash('sha256').update(Buffer.concat([Buffer.from([1]), left, right])).digest();

/** RFC 9162 §2.1.3.2: true when the path leads from the leaf hash at leafIndex to root in a tree of treeSize leaves. */
function verifyInclusion(leafIndex, treeSize, leafHash, proof, root) {
  if (leafIndex >= treeSize) return false;
  let fn = BigInt(leafIndex), sn = BigInt(treeSize - 1), r = leafHash;
  for (const p of proof) {
    if (sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      r = node(p, r);
      while ((fn & 1n) === 0n && fn !== 0n) { fn >>= 1n; sn >>= 1n; }
    } else {
      r = node(r, p);
    }
    fn >>= 1n; sn >>= 1n;
  }
  return sn === 0n && r.equals(root);
}

function signedText(c) {
  const ms = c.sign_time.seconds * 1000 + Math.floor(c.sign_time.nanos / 1e6);
  return ['exchangehub.v1/audit-checkpoint', String(c.tree_size), c.root_hash, String(ms), c.key_id].join('\n') + '\n';
}

test('a push\'s receipt: the inclusion proof from the hub verifies against a checkpoint signed by the published key', async () => {
  const tax = new v1.TaxFeedService(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  const audit = new v1.AuditService(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  const summary = await new Promise((ok, fail) => {
    const call = tax.PushContributions(metadata('dev-tax-token'), { deadline: Date.now() + 30000 }, (err, reply) => (err ? fail(err) : ok(reply.summary)));
    call.write({ lines: [{ source_record_id: 'r-1', revision: 1, uscc: '91350100M000100Y43', resident_id: '11010519491231002X',
      period: '2023-05', employer_amount_fen: 1500, employee_amount_fen: 1500, wage_base_fen: 300000, kind: 'CONTRIBUTION_KIND_REGULAR',
      received_date: '2023-06-15', tax_office_code: '65900101' }] });
    call.end();
  });
  const key = await unary(audit, 'GetPublicKey', {});
  assert.equal(key.algorithm, 'ECDSA_P256_SHA256');

  // Redeem the promise: within about a second a checkpoint of at least audit_promised_tree_size is signed.
  let reply;
  for (const until = Date.now() + 10000; !reply; await new Promise((r) => setTimeout(r, 100))) {
    try {
      reply = await unary(audit, 'GetInclusionProof', { leaf_index: summary.audit_leaf_index });
    } catch (e) {
      if (Date.now() > until || (e.code !== grpc.status.INVALID_ARGUMENT && e.code !== grpc.status.NOT_FOUND)) throw e;
    }
  }
  const c = reply.checkpoint;
  assert.ok(c.tree_size >= summary.audit_promised_tree_size);
  assert.equal(c.key_id, key.key_id);
  assert.equal(reply.leaf_hash, summary.audit_leaf_hash);
  assert.ok(createVerify('SHA256').update(signedText(c)).verify(key.public_key_pem, Buffer.from(c.signature, 'base64')), 'signature');
  const proof = reply.proof.map((h) => Buffer.from(h, 'hex'));
  assert.ok(verifyInclusion(summary.audit_leaf_index, c.tree_size, Buffer.from(reply.leaf_hash, 'hex'), proof, Buffer.from(c.root_hash, 'hex')));
  assert.ok(!verifyInclusion(summary.audit_leaf_index, c.tree_size, Buffer.alloc(32), proof, Buffer.from(c.root_hash, 'hex')));
  tax.close();
  audit.close();
});
