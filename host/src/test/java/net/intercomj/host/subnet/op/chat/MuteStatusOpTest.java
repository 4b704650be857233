package net.intercomj.host.subnet.op.chat;

import static net.intercomj.host.subnet.op.chat.ChatFixture.ADMIN;
import static net.intercomj.host.subnet.op.chat.ChatFixture.ALICE;
import static net.intercomj.host.subnet.op.chat.ChatFixture.BOB;
import static net.intercomj.host.subnet.op.chat.ChatFixture.MOD;
import static net.intercomj.host.subnet.op.chat.ChatFixture.MOD2;
import static net.intercomj.host.subnet.op.chat.ChatFixture.dispatch;
import static net.intercomj.host.subnet.op.chat.ChatFixture.hex;
import static net.intercomj.host.subnet.op.chat.ChatFixture.keys;
import static net.intercomj.host.subnet.op.chat.ChatFixture.relabelled;
import static net.intercomj.host.subnet.op.chat.ChatFixture.signed;
import static net.intercomj.host.subnet.op.chat.ChatFixture.withField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import net.intercomj.host.subnet.op.ViewKeys;
import net.intercomj.host.wallet.PeerWallet;
import org.junit.jupiter.api.Test;

/** {@code muteStatus} (spec §2.5.13): the admin mutes anyone; a moderator mutes users only. */
class MuteStatusOpTest {

    private final MuteStatusOp handler = new MuteStatusOp();
    private final ChatFixture fixture = ChatFixture.standard().mod(MOD2);

    private static ObjectNode op(PeerWallet signer, PeerWallet user, boolean muted, PeerWallet address) {
        return signed("muteStatus", signer,
                dispatch("muteStatus").put("user", hex(user)).put("muted", muted).put("address", hex(address)));
    }

    @Test
    void theAdminMutesAUserWritingOnlyTheMuteKeyAndTheReplayMarkers() {
        ObjectNode op = op(ADMIN, ALICE, true, ADMIN);
        fixture.apply(handler, op).assertApplied("Changed mute status " + hex(ALICE) + " to true")
                .assertWroteExactly(keys(op, ADMIN, ViewKeys.muted(hex(ALICE))));
        assertThat(fixture.view.get(ViewKeys.muted(hex(ALICE)))).contains("true");
        fixture.apply(handler, op(ADMIN, ALICE, false, ADMIN)).assertApplied("Changed mute status " + hex(ALICE)
                + " to false");
        assertThat(fixture.view.get(ViewKeys.muted(hex(ALICE)))).contains("false");
    }

    @Test
    void theAdminMayMuteAModerator() {
        fixture.apply(handler, op(ADMIN, MOD, true, ADMIN)).assertApplied();
    }

    @Test
    void aModeratorMutesAUserWithTheirOwnSignature() {
        ObjectNode op = op(MOD, ALICE, true, MOD);
        fixture.apply(handler, op).assertApplied().assertWroteExactly(keys(op, MOD, ViewKeys.muted(hex(ALICE))));
    }

    @Test
    void aModeratorCannotMuteTheAdminOrAnotherModerator() {
        fixture.apply(handler, op(MOD, ADMIN, true, MOD)).assertRejected("cannot change the admin's mute status");
        fixture.apply(handler, op(MOD, MOD2, true, MOD)).assertRejected("another moderator");
        fixture.apply(handler, op(MOD, MOD, true, MOD)).assertRejected("another moderator");
    }

    @Test
    void aUserCannotMuteAndAModeratorsAddressNeedsTheModeratorsSignature() {
        fixture.apply(handler, op(ALICE, BOB, true, ALICE)).assertRejected("is not a moderator");
        fixture.apply(handler, op(ALICE, BOB, true, MOD)).assertRejected("nor by the moderator");
        assertThat(fixture.view.get(ViewKeys.muted(hex(BOB)))).isEmpty();
    }

    @Test
    void withoutAnAdminTheAdminPathRejectsAndTheModeratorPathStillWorks() {
        ChatFixture noAdmin = new ChatFixture().chatOn().mod(MOD);
        noAdmin.apply(handler, op(ADMIN, ALICE, true, ADMIN)).assertRejected("the subnet has no admin");
        noAdmin.apply(handler, op(MOD, ALICE, true, MOD)).assertApplied();
        noAdmin.seed(ViewKeys.ADMIN, "null");
        noAdmin.apply(handler, op(ADMIN, BOB, true, ADMIN)).assertRejected("the subnet has no admin");
    }

    @Test
    void theSameOpAppliedTwiceIsRejectedTheSecondTime() {
        ObjectNode op = op(MOD, ALICE, true, MOD);
        fixture.apply(handler, op).assertApplied();
        fixture.apply(handler, op).assertRejected("already used").assertWroteExactly(List.of());
    }

    @Test
    void aMuteRelabelledAsAnotherOpTypeIsRejected() {
        ObjectNode mute = op(ADMIN, ALICE, true, ADMIN);
        fixture.apply(new SetModOp(), relabelled(mute, "setMod")).assertRejected("value.dispatch.type must be setMod");
        ObjectNode signedAsSetMod = signed("setMod", ADMIN,
                dispatch("muteStatus").put("user", hex(ALICE)).put("muted", true).put("address", hex(ADMIN)));
        fixture.apply(handler, relabelled(signedAsSetMod, "muteStatus")).assertRejected("not signed by the admin");
    }

    @Test
    void badFieldsAreRejectedWithTheFieldNamed() {
        ObjectNode valid = op(ADMIN, ALICE, true, ADMIN);
        fixture.apply(handler, withField(valid, "muted", "\"true\"")).assertRejected("value.dispatch.muted");
        fixture.apply(handler, withField(valid, "muted", "1")).assertRejected("value.dispatch.muted");
        fixture.apply(handler, withField(valid, "user", "\"" + hex(ALICE).toUpperCase() + "\""))
                .assertRejected("value.dispatch.user");
        fixture.apply(handler, withField(valid, "address", "null")).assertRejected("value.dispatch.address");
        fixture.apply(handler, withField(valid, "user", "42")).assertRejected("value.dispatch.user");
        assertThat(fixture.view.get(ViewKeys.muted(hex(ALICE)))).isEmpty();
    }
}
