// Produces xx-vector.json: a Noise_XX_25519_ChaChaPoly_BLAKE2b handshake with fixed keys,
// run by the independent noise-protocol@3.0.2 (libsodium through sodium-universal).
// noise-protocol generates ephemeral keys itself, so its handshake module is built here
// with a dh whose generateKeypair hands out fixed keys in order.
const dh = require('noise-protocol/dh')()
const fixedEphemerals = []
dh.generateKeypair = (pk, sk) => { const k = fixedEphemerals.shift(); pk.set(k.publicKey); sk.set(k.secretKey) }
const hash = require('noise-protocol/hash')({ dh })
const cipher = require('noise-protocol/cipher')()
const cipherState = require('noise-protocol/cipher-state')({ cipher })
const symmetricState = require('noise-protocol/symmetric-state')({ hash, cipherState })
const noise = require('noise-protocol/handshake-state')({ dh, hash, cipher, cipherState, symmetricState })
const sodium = require('sodium-universal')
const hex = (b) => Buffer.from(b).toString('hex')
const seeded = (byte) => {
  const publicKey = Buffer.alloc(32), secretKey = Buffer.alloc(32)
  dh.generateSeedKeypair(publicKey, secretKey, Buffer.alloc(32, byte))
  return { publicKey, secretKey }
}

const iStatic = seeded(1), iEphemeral = seeded(2), rStatic = seeded(3), rEphemeral = seeded(4)
const prologue = Buffer.from('intercom-test-prologue')
const payloads = [Buffer.alloc(0), Buffer.from('responder payload'), Buffer.from('initiator payload')]

fixedEphemerals.push(iEphemeral, rEphemeral)
const initiator = noise.initialize('XX', true, prologue, iStatic)
const responder = noise.initialize('XX', false, prologue, rStatic)
const messages = []
let split
const order = [[initiator, responder], [responder, initiator], [initiator, responder]]
order.forEach(([writer, reader], i) => {
  const out = Buffer.alloc(1024)
  const writerSplit = noise.writeMessage(writer, payloads[i], out)
  const message = out.subarray(0, noise.writeMessage.bytes)
  messages.push(hex(message))
  const rx = Buffer.alloc(1024)
  const readerSplit = noise.readMessage(reader, message, rx)
  if (i === 2) split = { initiator: writerSplit, responder: readerSplit }
})
const handshakeHash = hex(initiator.symmetricState.subarray(64, 128))
// Transport: the first record each way, ChaCha20-Poly1305 (IETF) with nonce 0 and no AD.
function seal (state, text) {
  const key = state.subarray(0, 32)
  const nonce = Buffer.alloc(12)
  const out = Buffer.alloc(text.length + 16)
  sodium.crypto_aead_chacha20poly1305_ietf_encrypt(out, text, null, null, nonce, key)
  return hex(out)
}
const transport = Buffer.from('first transport message')
const vector = {
  protocol: 'Noise_XX_25519_ChaChaPoly_BLAKE2b',
  producedBy: 'noise-protocol@3.0.2 (npm), see README.md',
  prologue: hex(prologue),
  initiatorStaticPrivate: hex(iStatic.secretKey), initiatorStaticPublic: hex(iStatic.publicKey),
  initiatorEphemeralPrivate: hex(iEphemeral.secretKey), initiatorEphemeralPublic: hex(iEphemeral.publicKey),
  responderStaticPrivate: hex(rStatic.secretKey), responderStaticPublic: hex(rStatic.publicKey),
  responderEphemeralPrivate: hex(rEphemeral.secretKey), responderEphemeralPublic: hex(rEphemeral.publicKey),
  payloads: payloads.map(hex),
  messages,
  handshakeHash,
  transportPlaintext: hex(transport),
  initiatorToResponder: seal(split.initiator.tx, transport),
  responderToInitiator: seal(split.responder.tx, transport)
}
console.log(JSON.stringify(vector, null, 2))
