package net.intercomj.host.js;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.intercomj.api.json.Json;
import net.intercomj.host.contract.ContractApps;
import net.intercomj.host.contract.ContractRuntime;
import net.intercomj.host.subnet.op.ContractCalls.TxOutcome;
import net.intercomj.host.subnet.op.ViewKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The protocol's reads in a GraalJS app: {@code Protocol.get}/{@code getSigned}, trac-peer's
 * {@code ProtocolApi} on {@code this.api}, {@code extendApi}, and that a contract reads none of it.
 */
@Timeout(120)
class JsProtocolApiTest {

    @TempDir
    static Path folder;

    private static JsApp app;
    private static ContractRuntime runtime;

    private static final String WRITER_KEY = "0a".repeat(32);
    private static final String BOOTSTRAP = "0b".repeat(32);
    private static final String MSB_BOOTSTRAP = "0c".repeat(32);

    // Each /command prints what it read, as JSON.
    private static final String PROTOCOL = """
            import { Protocol } from 'trac-peer';
            export default class P extends Protocol {
                async extendApi() {
                    const protocol = this;
                    this.api.getX = async function (signed = true) {
                        return { x: signed ? await protocol.getSigned('x') : await protocol.get('x'), admin: await this.getAdmin(signed) };
                    };
                    this.api._hidden = function () { return 'hidden'; };
                }
                async customCommand(input) {
                    const args = this.parseArgs(input);
                    const out = (value) => console.log(JSON.stringify(value));
                    const api = this.api;
                    const a = JsSubnetAlice;
                    try {
                        switch (input.split(' ')[0]) {
                            case '/x': return out({ signed: await this.getSigned('x'), unsigned: await this.get('x'),
                                    missing: await this.getSigned('nothing'), missingLatest: await this.get('nothing') });
                            case '/get': return out(await this.get(args.key));
                            case '/admin': return out([await api.getAdmin(true), await api.getAdmin(false), await api.getAdmin(),
                                    await api.getAdmin('neither')]);
                            case '/msgs': return out([await api.getMessageLength(true), await api.getMessageLength(false),
                                    await api.getMessage(0), await api.getMessage(1, false), await api.getUserMessageLength(a),
                                    await api.getUserMessage(a, 0), await api.getUserMessage(a, 1, false),
                                    await api.getUserMessage(a, 5)]);
                            case '/defaults': return out([await api.getWhitelistEnabled(), await api.getWhitelistStatus(a),
                                    await api.getModStatus(a), await api.getMuteStatus(a), await api.getAutoAddWritersStatus(),
                                    await api.getChatStatus(), await api.getAddressFromNick('nobody'), await api.getNick(a),
                                    await api.getPinnedMessageLength(), await api.getPinnedMessage(0),
                                    await api.getDeletedMessageLength(), await api.getDeletedMessage(0), await api.getTxLength(),
                                    await api.getTx(0), await api.getTxData('ff'.repeat(32)), await api.getUserTxLength(a),
                                    await api.getUserTx(a, 0)]);
                            case '/status': return out([await api.getWhitelistEnabled(), await api.getWhitelistStatus(a),
                                    await api.getModStatus(a), await api.getMuteStatus(a), await api.getAutoAddWritersStatus(),
                                    await api.getChatStatus(), await api.getAddressFromNick('alice'), await api.getNick(a),
                                    await api.getPinnedMessageLength(), await api.getPinnedMessage(0),
                                    await api.getDeletedMessageLength(), await api.getDeletedMessage(0), await api.getTxLength(),
                                    await api.getTx(0), await api.getTxData('ee'.repeat(32)), await api.getUserTxLength(a),
                                    await api.getUserTx(a, 0)]);
                            case '/peer': return out([api.getPeerWriterKey(), api.getPeerBootstrap(), api.getPeerMsbBootstrap(),
                                    api.getPeerValidatorAddress(), api.msgExposed(), api.txExposed(),
                                    api.prepareTxCommand('anything'), api.prepareMessage('hi', a).dispatch]);
                            case '/nonce': {
                                const one = api.generateNonce();
                                const two = this.generateNonce();
                                return out([/^[0-9a-f]{64}$/.test(one), /^[0-9a-f]{64}$/.test(two), one !== two]);
                            }
                            case '/extended': return out([await api.getX(true), await api.getX(false),
                                    Object.keys(api).filter(k => typeof api[k] === 'function')]);
                            case '/left-out': {
                                const errors = [];
                                for (const call of [() => api.tx('00', {}, '00', '00', '00'), () => api.post({}, '00', '00'),
                                        () => api.generateTx('00', '00', '00')]) {
                                    try { await call(); errors.push('no error'); } catch (e) { errors.push(e.message); }
                                }
                                return out(errors);
                            }
                            default: return;
                        }
                    } catch (e) {
                        console.log('error: ' + e.message);
                    }
                }
            }
            const JsSubnetAlice = '%s';
            """.formatted(JsSubnet.ALICE);

    private static final String CONTRACT = JsSubnet.contract("""
                async viaProtocol() {
                    await this.protocol.get('x');
                }
                async viaProtocolSigned() {
                    await this.protocol.getSigned('x');
                }
                async viaApi() {
                    await this.protocol.api.getAdmin(true);
                }
                async nonce() {
                    this.protocol.api.generateNonce();
                }
                async peer() {
                    await this.put('app/peer', [this.protocol.api.getPeerWriterKey(), this.protocol.api.getPeerBootstrap()]);
                }
            """, "viaProtocol", "viaProtocolSigned", "viaApi", "nonce", "peer");

    @BeforeAll
    static void load() {
        app = JsApp.load(JsSubnet.app(folder.resolve("reader"), "protocol.js", PROTOCOL, "contract.js", CONTRACT));
        ContractApps apps = new ContractApps();
        apps.add(app.id(), app.versionHash(), app);
        runtime = apps.find("reader", app.versionHash()).orElseThrow();
    }

    @AfterAll
    static void close() {
        app.close();
    }

    private static FakeSubnet subnet() {
        FakeSubnet subnet = new FakeSubnet();
        subnet.confirmed.put("x", Json.object().put("n", 1).build());
        subnet.unconfirmed.put("x", Json.object().put("n", 2).build());
        return subnet;
    }

    private static JsProtocolView view(FakeSubnet subnet) {
        return JsProtocolView.of(subnet, WRITER_KEY, BOOTSTRAP, () -> Optional.of(MSB_BOOTSTRAP));
    }

    private static List<String> run(String line, JsProtocolView view) {
        List<String> printed = new ArrayList<>();
        assertThat(app.customCommand(line, view, printed::add)).isEmpty();
        return printed;
    }

    @Test
    void getSignedReadsTheConfirmedViewAndGetTheUnconfirmedOne() {
        assertThat(run("/x", view(subnet()))).containsExactly(
                "{\"signed\":{\"n\":1},\"unsigned\":{\"n\":2},\"missing\":null,\"missingLatest\":null}");
        FakeSubnet subnet = subnet();
        subnet.unconfirmed.put("list", Json.parse("[1,\"two\",null,{\"a\":true}]"));
        assertThat(run("/get --key list", view(subnet))).containsExactly("[1,\"two\",null,{\"a\":true}]");
    }

    @Test
    void theApiReadsTheAdminWithTheOriginalsSignedArgument() {
        FakeSubnet subnet = subnet();
        subnet.confirmed.put(ViewKeys.ADMIN, Json.of(JsSubnet.ALICE));
        subnet.unconfirmed.put(ViewKeys.ADMIN, Json.of(JsSubnet.BOB));
        // true: confirmed; false: unconfirmed; missing: true; anything else reads nothing (null)
        assertThat(run("/admin", view(subnet))).containsExactly(
                "[\"" + JsSubnet.ALICE + "\",\"" + JsSubnet.BOB + "\",\"" + JsSubnet.ALICE + "\",null]");
        assertThat(run("/admin", view(new FakeSubnet()))).containsExactly("[null,null,null,null]");
    }

    @Test
    void messagesAndAUsersMessagesResolveTheirReference() {
        FakeSubnet subnet = subnet();
        Json first = Json.parse("{\"type\":\"msg\",\"msg\":\"gm\",\"address\":\"" + JsSubnet.ALICE + "\"}");
        Json second = Json.parse("{\"type\":\"msg\",\"msg\":\"gn\",\"address\":\"" + JsSubnet.ALICE + "\"}");
        // As MsgOp writes them: msg/<n> the dispatch, umsg/<address>/<m> the string "msg/<n>".
        for (var view : List.of(subnet.confirmed, subnet.unconfirmed)) {
            view.put(ViewKeys.message(0), first);
            view.put(ViewKeys.userMessage(JsSubnet.ALICE, 0), Json.of(ViewKeys.message(0)));
            view.put(ViewKeys.MESSAGE_COUNT, Json.of(1));
            view.put(ViewKeys.userMessageCount(JsSubnet.ALICE), Json.of(1));
        }
        subnet.unconfirmed.put(ViewKeys.message(1), second);
        subnet.unconfirmed.put(ViewKeys.userMessage(JsSubnet.ALICE, 1), Json.of(ViewKeys.message(1)));
        subnet.unconfirmed.put(ViewKeys.MESSAGE_COUNT, Json.of(2));
        assertThat(run("/msgs", view(subnet))).containsExactly("[1,2," + first.toJson() + "," + second.toJson() + ",1,"
                + first.toJson() + "," + second.toJson() + ",null]");
    }

    @Test
    void theOtherReadersGiveTheOriginalsDefaultsAndTheStoredValues() {
        assertThat(run("/defaults", view(new FakeSubnet()))).containsExactly(
                "[false,false,false,false,false,false,null,null,0,null,0,null,0,null,null,0,null]");
        FakeSubnet subnet = new FakeSubnet();
        String a = JsSubnet.ALICE;
        Json msg = Json.parse("{\"type\":\"msg\",\"msg\":\"pinned\"}");
        Json tx = Json.parse("{\"val\":{\"type\":\"t\"},\"err\":null,\"tx\":\"" + "ee".repeat(32) + "\"}");
        subnet.confirmed.putAll(java.util.Map.ofEntries(
                java.util.Map.entry(ViewKeys.WHITELIST_ENABLED, Json.of(true)),
                java.util.Map.entry(ViewKeys.whitelisted(a), Json.of(true)),
                java.util.Map.entry(ViewKeys.mod(a), Json.of(true)),
                java.util.Map.entry(ViewKeys.muted(a), Json.of(true)),
                java.util.Map.entry(ViewKeys.AUTO_ADD_WRITERS, Json.of("on")),
                java.util.Map.entry(ViewKeys.CHAT_STATUS, Json.of("off")),
                java.util.Map.entry(ViewKeys.nickOwner("alice"), Json.of(a)),
                java.util.Map.entry(ViewKeys.nick(a), Json.of("alice")),
                java.util.Map.entry(ViewKeys.message(3), msg),
                java.util.Map.entry(ViewKeys.PIN_COUNT, Json.of(1)),
                java.util.Map.entry(ViewKeys.pin(0), Json.parse("{\"msg\":3,\"pinned\":true}")),
                java.util.Map.entry(ViewKeys.DELETED_COUNT, Json.of(1)),
                java.util.Map.entry(ViewKeys.deleted(0), Json.of(3)),
                java.util.Map.entry(ViewKeys.TX_COUNT, Json.of(1)),
                java.util.Map.entry(ViewKeys.transaction(0), tx),
                java.util.Map.entry(ViewKeys.transactionIndex("ee".repeat(32)), Json.of(0)),
                java.util.Map.entry(ViewKeys.userTransactionCount(a), Json.of(1)),
                java.util.Map.entry(ViewKeys.userTransaction(a, 0), Json.of(0))));
        assertThat(run("/status", view(subnet))).containsExactly("[true,true,true,true,true,false,\"" + a
                + "\",\"alice\",1," + msg.toJson() + ",1," + msg.toJson() + ",1," + tx.toJson() + "," + tx.toJson()
                + ",1," + tx.toJson() + "]");
    }

    @Test
    void thePeersIdentityANonceAndTheCommandMapping() {
        assertThat(run("/peer", view(subnet()))).containsExactly("[\"" + WRITER_KEY + "\",\"" + BOOTSTRAP + "\",\""
                + MSB_BOOTSTRAP + "\",null,false,false,null,{\"type\":\"msg\",\"msg\":\"hi\",\"address\":\"" + JsSubnet.ALICE
                + "\",\"attachments\":[],\"deleted_by\":null,\"reply_to\":null,\"pinned\":false,\"pin_id\":null}]");
        assertThat(run("/peer", JsProtocolView.of(subnet(), WRITER_KEY, BOOTSTRAP, Optional::empty))).singleElement()
                .asString().startsWith("[\"" + WRITER_KEY + "\",\"" + BOOTSTRAP + "\",null,null,");
        assertThat(run("/nonce", view(subnet()))).containsExactly("[true,true,true]");
        // randomness does not need a subnet: the protocol's context has it, a contract's does not
        assertThat(run("/nonce", null)).containsExactly("[true,true,true]");
    }

    @Test
    void extendApiAdditionsRunInCustomCommand() {
        FakeSubnet subnet = subnet();
        subnet.confirmed.put(ViewKeys.ADMIN, Json.of(JsSubnet.ALICE));
        List<String> printed = run("/extended", view(subnet));
        assertThat(printed).singleElement().asString()
                .startsWith("[{\"x\":{\"n\":1},\"admin\":\"" + JsSubnet.ALICE + "\"},{\"x\":{\"n\":2},\"admin\":null},")
                .contains("\"getX\"", "\"_hidden\"");
    }

    @Test
    void whatNeedsTheRpcOrATransactionThrows() {
        assertThat(run("/left-out", view(subnet()))).containsExactly(
                "[\"api.tx() is not available to a GraalJS app: use /tx or the RPC\","
                        + "\"api.post() is not available to a GraalJS app: use /post or the RPC\","
                        + "\"api.generateTx() is not available to a GraalJS app: use /tx or the RPC\"]");
    }

    @Test
    void withoutASubnetTheReadsSaySo() {
        assertThat(run("/x", null)).singleElement().asString()
                .startsWith("error: Protocol.getSigned(): " + JsProtocolBridge.NO_VIEW);
        assertThat(run("/admin", null)).singleElement().asString().startsWith("error: Protocol.getSigned(): ");
        assertThat(app.customCommand("/x", printed -> { })).isEmpty();
        // nor after the call that had one: the view is the call's only
        assertThat(run("/x", view(subnet()))).singleElement().asString().startsWith("{\"signed\":{\"n\":1}");
        assertThat(run("/x", null)).singleElement().asString().startsWith("error: ");
    }

    @Test
    void aContractReadsNothingButItsOp() {
        JsSubnet subnet = new JsSubnet(runtime);
        String refused = " is not available here: only the protocol reads the subnet, in its customCommand;"
                + " a contract reads the state of its op with this.get(key)";
        assertThat(subnet.tx("viaProtocol", "null"))
                .isEqualTo(TxOutcome.failed("Error in contract: Error: Protocol.get()" + refused));
        assertThat(subnet.tx("viaProtocolSigned", "null"))
                .isEqualTo(TxOutcome.failed("Error in contract: Error: Protocol.getSigned()" + refused));
        assertThat(subnet.tx("viaApi", "null"))
                .isEqualTo(TxOutcome.failed("Error in contract: Error: Protocol.getSigned()" + refused));
        assertThat(subnet.tx("nonce", "null")).isInstanceOfSatisfying(TxOutcome.Indexed.class,
                indexed -> assertThat(indexed.toString()).contains("generateNonce() in a contract is not available"));
        assertThat(subnet.tx("peer", "null")).isEqualTo(TxOutcome.ok());
        assertThat(subnet.get("app/peer")).contains("[null,null]");
    }
}
