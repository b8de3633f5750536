package dev.aiops.rca.adapter.web.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Reading RCA_APPROVERS. */
class SlackApproversTest {

  @Test
  void should_sort_user_ids_from_e_mail_addresses_when_reading_a_list() {
    SlackApprovers approvers = SlackApprovers.parse(" U0123ABCD, Alice@Acme.Example,,W0ENTERPRISE ");

    assertThat(approvers.userIds()).containsExactlyInAnyOrder("U0123ABCD", "W0ENTERPRISE");
    assertThat(approvers.emails()).containsExactly("alice@acme.example");
    assertThat(approvers.describe()).isEqualTo("2 Slack user id(s), 1 e-mail address(es)");
  }

  @Test
  void should_be_empty_when_the_list_is_blank() {
    assertThat(SlackApprovers.parse(" , ").isEmpty()).isTrue();
    assertThat(new SlackInteractionSettings(new dev.aiops.rca.domain.Secret("s"), SlackApprovers.NOBODY).buttons())
        .isFalse();
  }

  @Test
  void should_name_every_entry_that_is_neither_an_id_nor_an_address_when_refusing_a_list() {
    assertThatThrownBy(() -> SlackApprovers.parse("alice, U0123ABCD, u0lower"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'alice'").hasMessageContaining("'u0lower'").hasMessageNotContaining("'U0123ABCD'");
  }
}
