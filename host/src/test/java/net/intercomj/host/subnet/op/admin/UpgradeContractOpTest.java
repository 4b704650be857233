package net.intercomj.host.subnet.op.admin;

import static net.intercomj.host.subnet.op.admin.AdminFixture.ADMIN;
import static net.intercomj.host.subnet.op.admin.AdminFixture.JOINER;
import static net.intercomj.host.subnet.op.admin.AdminFixture.STRANGER;
import static net.intercomj.host.subnet.op.admin.AdminFixture.keys;
import static net.intercomj.host.subnet.op.admin.AdminFixture.msgOp;
import static net.intercomj.host.subnet.op.admin.AdminFixture.relabelled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import net.intercomj.host.subnet.op.ViewKeys;
import org.junit.jupiter.api.Test;

/** {@code upgradeContract}: the creator pins the first contract, the admin upgrades it. */
class UpgradeContractOpTest {

    private static final String V1 = "11".repeat(32);
    private static final String V2 = "22".repeat(32);

    private final UpgradeContractOp op = new UpgradeContractOp();

    private static ObjectNode unsigned(String key) {
        return JsonNodeFactory.instance.objectNode().put("type", UpgradeContractOp.TYPE).put("key", key);
    }

    @Test
    void theCreatorPinsTheFirstContractUnsignedBeforeThereIsAnAdmin() {
        AdminFixture fixture = new AdminFixture();
        fixture.apply(op, unsigned("sample:" + V1)).assertApplied("Contract pinned: sample " + V1)
                .assertWroteExactly(List.of(ViewKeys.CONTRACT));
        assertThat(fixture.view.get(ViewKeys.CONTRACT)).contains("{\"app\":\"sample\",\"hash\":\"" + V1 + "\"}");
    }

    @Test
    void theUnsignedPinIsOnlyForTheCreatorAndOnlyOnce() {
        AdminFixture fixture = new AdminFixture().writer(JOINER);
        fixture.apply(op, unsigned("sample:" + V1), JOINER)
                .assertRejected("only the subnet bootstrap writer may pin the first contract unsigned");
        fixture.apply(op, unsigned("sample:" + V1)).assertApplied("Contract pinned: sample " + V1);
        fixture.apply(op, unsigned("sample:" + V2))
                .assertRejected("once there is an admin or a pinned contract, only the admin may change it");
        AdminFixture withAdmin = AdminFixture.withAdmin();
        withAdmin.apply(op, unsigned("sample:" + V1))
                .assertRejected("once there is an admin or a pinned contract, only the admin may change it");
    }

    @Test
    void theAdminUpgradesWithASignedOp() {
        AdminFixture fixture = AdminFixture.withAdmin();
        ObjectNode upgrade = msgOp(ADMIN, UpgradeContractOp.TYPE, "sample:" + V2);
        fixture.apply(op, upgrade).assertApplied("Contract pinned: sample " + V2)
                .assertWroteExactly(keys(upgrade, ADMIN, ViewKeys.CONTRACT));
        fixture.apply(op, upgrade).assertRejected("signature or nonce already used");
        fixture.apply(op, msgOp(STRANGER, UpgradeContractOp.TYPE, "sample:" + V1)).assertRejected("not signed by the admin");
        fixture.apply(op, relabelled(msgOp(ADMIN, "setChatStatus", "sample:" + V1), UpgradeContractOp.TYPE))
                .assertRejected("not signed by the admin");
        assertThat(fixture.view.get(ViewKeys.CONTRACT)).contains("{\"app\":\"sample\",\"hash\":\"" + V2 + "\"}");
    }

    @Test
    void theKeyMustNameAnAppAndAWholeHash() {
        AdminFixture fixture = new AdminFixture();
        for (String bad : List.of("", "sample", "sample:", ":" + V1, "sample:" + "AB".repeat(32), "sample:" + V1 + "0",
                "sam ple:" + V1, "sample:" + V1.substring(2))) {
            fixture.apply(op, unsigned(bad)).assertRejected("key must be <app id>:<version hash as 64 lowercase hex>");
        }
        assertThat(fixture.view.get(ViewKeys.CONTRACT)).isEmpty();
        assertThat(UpgradeContractOp.key("sample", V1)).isEqualTo("sample:" + V1);
        assertThatThrownBy(() -> UpgradeContractOp.key("sample", "xyz")).isInstanceOf(IllegalArgumentException.class);
    }
}
