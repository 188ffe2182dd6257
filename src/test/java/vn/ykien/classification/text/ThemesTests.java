package vn.ykien.classification.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.ykien.classification.text.Themes.Theme;
import vn.ykien.classification.text.Themes.Weighted;

class ThemesTests {

  /** Comments on administrative units about three different things, each said in several ways. */
  static List<Weighted> comments() {
    List<Weighted> comments = new ArrayList<>();
    String[] names = {"giữ tên xã cũ", "giữ nguyên tên gọi của xã", "đặt tên xã mới theo tên xã cũ",
        "tên xã mới nên giữ tên truyền thống", "không nên đổi tên xã"};
    String[] seats = {"trụ sở xã mới quá xa dân", "đặt trụ sở ở trung tâm để dân đi lại",
        "trụ sở xa, người già đi lại khó", "cần bố trí trụ sở gần dân", "trụ sở xã nên ở nơi đông dân"};
    String[] papers = {"đổi giấy tờ sau sáp nhập mất thời gian", "miễn phí đổi căn cước và giấy tờ",
        "cho thời gian chuyển tiếp để đổi giấy tờ", "giấy tờ cũ vẫn còn giá trị", "không bắt dân đổi giấy tờ ngay"};
    for (int round = 0; round < 6; round++) {
      for (String[] group : List.of(names, seats, papers)) {
        for (String text : group) {
          comments.add(new Weighted(text + (round > 0 ? " " + "ạ".repeat(round) : ""), 1));
        }
      }
    }
    return comments;
  }

  @Test
  void commentsAboutTheSameThingFormOneThemeWithItsTermsAndCentralComments() {
    List<Weighted> comments = comments();

    List<Theme> themes = Themes.of(comments, 3);

    assertThat(themes).hasSize(3);
    assertThat(themes).extracting(Theme::people).containsOnly(30);
    for (Theme theme : themes) {
      List<String> texts = theme.representatives().stream().limit(3).map(i -> comments.get(i).text()).toList();
      assertThat(texts).hasSize(3);
      // Every central comment of a theme speaks of the same thing as its terms.
      String topic = theme.terms().stream().anyMatch(t -> t.contains("trụ sở")) ? "trụ sở"
          : theme.terms().stream().anyMatch(t -> t.contains("giấy tờ")) ? "giấy tờ" : "tên";
      assertThat(texts).allMatch(text -> text.contains(topic));
      // Terms read as words: no syllable repeated alone beside its bigram, no function word.
      for (String term : theme.terms()) {
        assertThat(theme.terms()).noneMatch(other -> !other.equals(term) && !term.contains(" ")
            && List.of(other.split(" ")).contains(term));
      }
      assertThat(theme.terms()).doesNotContain("để", "của", "và", "nên");
    }
  }

  @Test
  void copiesCountForEverySenderWithoutPullingTheThemes() {
    List<Weighted> comments = new ArrayList<>(comments());
    comments.add(new Weighted("giữ tên huyện Giao Thuỷ vì gắn với lịch sử", 3000));

    List<Theme> themes = Themes.of(comments, 3);

    assertThat(themes.stream().mapToInt(Theme::people).sum()).isEqualTo(90 + 3000);
    assertThat(themes.getFirst().people()).isGreaterThanOrEqualTo(3000);
  }

  @Test
  void commentsTypedWithAndWithoutDiacriticsShareATermShownAsMostPeopleWroteIt() {
    List<Weighted> comments = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      comments.add(new Weighted("đồng ý với sửa đổi điều 9, lần " + i, 2));
      comments.add(new Weighted("dong y voi sua doi dieu 9", 1));
    }

    List<Theme> themes = Themes.of(comments, 1);

    assertThat(themes).singleElement().satisfies(theme -> {
      assertThat(theme.people()).isEqualTo(12);
      assertThat(theme.terms()).contains("đồng ý").doesNotContain("dong y", "voi", "với");
    });
  }

  @Test
  void nothingReadableMakesNoTheme() {
    assertThat(Themes.of(List.of(new Weighted("👍", 5), new Weighted("", 1)), 5)).isEmpty();
    assertThat(Themes.of(List.of(), 5)).isEmpty();
    assertThat(Themes.of(List.of(new Weighted("đồng ý", 12)), 5)).singleElement()
        .extracting(Theme::people).isEqualTo(12);
  }
}
