package org.corridorrisk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.model.Sharing;
import org.junit.jupiter.api.Test;

/** The top-level key {@code sharing: fair | any} (default fair). */
class SharingKeyTest {
  @Test
  void omitted_isFair() throws Exception {
    assertEquals(Sharing.FAIR, TestFiles.load(TestFiles.BASE).baseline().sharing());
  }

  @Test
  void fairAndAny_areRead() throws Exception {
    assertEquals(
        Sharing.ANY, TestFiles.load(TestFiles.BASE + "sharing: any\n").baseline().sharing());
    assertEquals(
        Sharing.FAIR, TestFiles.load(TestFiles.BASE + "sharing: fair\n").baseline().sharing());
  }

  @Test
  void otherValues_areLocatedErrors() {
    List<String> problems = TestFiles.problems(TestFiles.BASE + "sharing: proportional\n");
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("t.yaml:27:10: sharing: "), problems.get(0));
  }

  @Test
  void leftBlankOrNull_giveTheSameLocatedMessage() {
    List<String> blank = TestFiles.problems(TestFiles.BASE + "sharing:\n");
    List<String> tilde = TestFiles.problems(TestFiles.BASE + "sharing: ~\n");
    List<String> nul = TestFiles.problems(TestFiles.BASE + "sharing: null\n");
    assertEquals(
        List.of(
            "t.yaml:27:1: sharing: must be one of fair, any, was empty; give a value or leave the key out"),
        blank,
        "blank");
    assertEquals(blank, tilde);
    assertEquals(blank, nul);
  }

  @Test
  void wrongCase_getsADidYouMeanHint() {
    assertEquals(
        List.of(
            "t.yaml:27:10: sharing: must be one of fair, any, was 'FAIR', did you mean 'fair'?"),
        TestFiles.problems(TestFiles.BASE + "sharing: FAIR\n"));
    assertEquals(
        List.of("t.yaml:27:10: sharing: must be one of fair, any, was 'Any', did you mean 'any'?"),
        TestFiles.problems(TestFiles.BASE + "sharing: Any\n"));
  }

  @Test
  void copies_keepTheRule() throws Exception {
    Scenario any = TestFiles.load(TestFiles.BASE + "sharing: any\n").baseline();
    assertEquals(Sharing.ANY, any.withMitigations(List.of()).sharing());
    assertEquals(Sharing.FAIR, any.withSharing(Sharing.FAIR).sharing());
    assertEquals(Sharing.ANY, any.sharing());
  }
}
