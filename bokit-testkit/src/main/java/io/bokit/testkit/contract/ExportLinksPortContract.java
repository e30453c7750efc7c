package io.bokit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.ExportId;
import io.bokit.core.domain.ExportLink;
import io.bokit.core.domain.ExportToken;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.InvalidInputException;
import io.bokit.core.port.out.ExportLinksPort;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The contract of every {@link ExportLinksPort}. To run it against an implementation, extend it and
 * implement {@link #newStore()}, e.g. {@code var store = new InMemoryExportLinks.Store(); return () -> new
 * InMemoryExportLinks(store);}.
 */
public abstract class ExportLinksPortContract extends PortContract<ExportLinksPort> {
    private static final CalendarKey SEA = CalendarKey.of("sea");
    private static final CalendarKey HILL = CalendarKey.of("hill");
    private static final FeedId AIRBNB = FeedId.of("sea-airbnb");

    /** A token of 32 bytes all equal to {@code seed}. */
    private static ExportToken token(int seed) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) seed);
        return ExportToken.of(bytes);
    }

    private ExportLink link(String id, CalendarKey calendar, FeedId target, int seed) {
        return ExportLink.create(ExportId.of(id), calendar, target, false, token(seed), clock().now());
    }

    @Test
    void findsNothingInAnEmptyStore() {
        assertThat(port().list()).isEmpty();
        assertThat(port().find(ExportId.of("x1"))).isEmpty();
        assertThat(port().findByTokenHash(token(1).hash())).isEmpty();
        assertThat(port().remove(ExportId.of("x1"))).isFalse();
    }

    @Test
    void keepsEveryFieldOfASavedExport() {
        // given an export for a target feed, with guest names, rotated once
        ExportLink created = ExportLink.create(ExportId.of("x1"), SEA, AIRBNB, true, token(1), clock().now());
        clock().advance(Duration.ofHours(1));
        ExportLink rotated = created.withToken(token(2), clock().now());

        // when
        port().save(rotated);

        // then another instance reads it back whole, by id and by its token's hash
        assertThat(newInstance().find(ExportId.of("x1"))).contains(rotated);
        assertThat(newInstance().findByTokenHash(token(2).hash())).contains(rotated);
    }

    @Test
    void keepsAnExportForNoTarget() {
        ExportLink link = link("x1", SEA, null, 1);

        port().save(link);

        assertThat(port().find(ExportId.of("x1"))).hasValueSatisfying(found -> {
            assertThat(found.target()).isNull();
            assertThat(found.rotated()).isNull();
            assertThat(found).isEqualTo(link);
        });
    }

    @Test
    void aRotatedTokenNoLongerFindsTheExport() {
        // given
        ExportLink link = link("x1", SEA, null, 1);
        port().save(link);

        // when
        clock().advance(Duration.ofMinutes(5));
        port().save(link.withToken(token(2), clock().now()));

        // then
        assertThat(port().findByTokenHash(token(1).hash())).isEmpty();
        assertThat(port().findByTokenHash(token(2).hash()))
                .hasValueSatisfying(found -> assertThat(found.id()).isEqualTo(ExportId.of("x1")));
        assertThat(port().list()).hasSize(1);
    }

    @Test
    void listsByCalendarThenId() {
        port().save(link("x2", SEA, null, 1));
        port().save(link("x1", SEA, AIRBNB, 2));
        port().save(link("x3", HILL, null, 3));

        assertThat(port().list()).extracting(link -> link.id().value()).containsExactly("x3", "x1", "x2");
    }

    @Test
    void removesAnExportAndItsToken() {
        port().save(link("x1", SEA, null, 1));
        port().save(link("x2", SEA, null, 2));

        assertThat(port().remove(ExportId.of("x1"))).isTrue();

        assertThat(port().find(ExportId.of("x1"))).isEmpty();
        assertThat(port().findByTokenHash(token(1).hash())).isEmpty();
        assertThat(port().list()).extracting(ExportLink::id).containsExactly(ExportId.of("x2"));
        assertThat(port().remove(ExportId.of("x1"))).isFalse();
    }

    @Test
    void refusesASecondExportWithTheSameToken() {
        port().save(link("x1", SEA, null, 1));

        assertThatThrownBy(() -> port().save(link("x2", HILL, null, 1))).isInstanceOf(InvalidInputException.class);

        assertThat(port().list()).extracting(ExportLink::id).containsExactly(ExportId.of("x1"));
    }
}
