package vn.ykien.opinion.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.ykien.consultation.CitizenGroup;
import vn.ykien.opinion.Answer;
import vn.ykien.opinion.Channel;
import vn.ykien.opinion.Stance;
import vn.ykien.registry.Occupation;
import vn.ykien.registry.Sex;

/**
 * What one submission or withdrawal says on content's side, as sealed in an envelope for the
 * mixer (and, for the citizen's own pages, beside their participation): the pseudonym, the
 * revision, the answers and general comment, and what the answers are counted by — the commune and
 * the day, never the village or the hour.
 *
 * @param answers empty on a withdrawal
 */
public record Content(
    long consultationId,
    byte[] pseudonym,
    int revision,
    boolean withdrawal,
    long communeId,
    @Nullable Channel channel,
    @Nullable CitizenGroup group,
    @Nullable LocalDate firstDay,
    LocalDate day,
    List<Answer> answers,
    @Nullable String generalComment) {

  private static final int VERSION = 1;

  public Content {
    answers = List.copyOf(answers);
  }

  /** A withdrawal: the revision that ends the pseudonym's current opinion. */
  public static Content withdrawal(long consultationId, byte[] pseudonym, int revision, LocalDate day) {
    return new Content(consultationId, pseudonym, revision, true, 0, null, null, null, day, List.of(), null);
  }

  public byte[] bytes() {
    try (var buffer = new ByteArrayOutputStream(256); var out = new DataOutputStream(buffer)) {
      out.writeByte(VERSION);
      out.writeLong(consultationId);
      out.writeShort(pseudonym.length);
      out.write(pseudonym);
      out.writeInt(revision);
      out.writeBoolean(withdrawal);
      out.writeLong(day.toEpochDay());
      if (!withdrawal) {
        out.writeLong(communeId);
        out.writeUTF(channel.name());
        out.writeUTF(group.age().name());
        out.writeUTF(group.sex().name());
        out.writeUTF(group.occupation() == null ? "" : group.occupation().name());
        out.writeInt(group.membershipBits());
        out.writeLong(firstDay.toEpochDay());
        text(out, generalComment);
        out.writeInt(answers.size());
        for (Answer answer : answers) {
          out.writeLong(answer.itemId());
          out.writeUTF(answer.stance().name());
          text(out, answer.comment());
        }
      }
      out.flush();
      return buffer.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Content of(byte[] bytes) {
    try (var in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int version = in.readUnsignedByte();
      if (version != VERSION) {
        throw new IllegalArgumentException("unknown content version " + version);
      }
      long consultationId = in.readLong();
      byte[] pseudonym = in.readNBytes(in.readUnsignedShort());
      int revision = in.readInt();
      boolean withdrawal = in.readBoolean();
      LocalDate day = LocalDate.ofEpochDay(in.readLong());
      if (withdrawal) {
        return withdrawal(consultationId, pseudonym, revision, day);
      }
      long communeId = in.readLong();
      Channel channel = Channel.valueOf(in.readUTF());
      CitizenGroup.AgeBand age = CitizenGroup.AgeBand.valueOf(in.readUTF());
      Sex sex = Sex.valueOf(in.readUTF());
      String occupation = in.readUTF();
      int memberships = in.readInt();
      CitizenGroup group =
          new CitizenGroup(
              age, sex, occupation.isEmpty() ? null : Occupation.valueOf(occupation), CitizenGroup.membershipsOf(memberships));
      LocalDate firstDay = LocalDate.ofEpochDay(in.readLong());
      String general = text(in);
      int count = in.readInt();
      List<Answer> answers = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        answers.add(new Answer(in.readLong(), Stance.valueOf(in.readUTF()), text(in)));
      }
      return new Content(
          consultationId, pseudonym, revision, false, communeId, channel, group, firstDay, day, answers, general);
    } catch (IOException e) {
      throw new IllegalArgumentException("unreadable content", e);
    }
  }

  /** Texts longer than writeUTF's 64 KB are written as raw UTF-8 (comments are 2,000 characters at most). */
  private static void text(DataOutputStream out, @Nullable String text) throws IOException {
    if (text == null) {
      out.writeInt(-1);
      return;
    }
    byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static @Nullable String text(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    return new String(in.readNBytes(length), java.nio.charset.StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Content that && java.util.Arrays.equals(bytes(), that.bytes());
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(bytes());
  }

  @Override
  public String toString() {
    return "Content[consultation=" + consultationId + ", revision=" + revision + ", withdrawal=" + withdrawal + "]";
  }
}
