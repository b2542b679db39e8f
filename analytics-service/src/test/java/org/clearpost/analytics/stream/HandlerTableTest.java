package org.clearpost.analytics.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.clearpost.events.ClearpostEvent;
import org.clearpost.events.EventType;
import org.clearpost.events.Topics;
import org.clearpost.events.figures.FigureType;
import org.clearpost.support.inbox.EventHandlers;
import org.junit.jupiter.api.Test;

/**
 * Analytics' one handler table: every event type on {@link Topics#ALL} is consumed by a figure part or ignored on
 * purpose ({@link IgnoredEvents}), never both, and every part reads only types that arrive. Plain JUnit: the real parts
 * are found on the class path (main code), as Quarkus would find them.
 */
class HandlerTableTest {

    @Test
    void everyTypeOnTheTopicsIsConsumedByARealPartOrIgnoredWithAReason() {
        List<FigureTopology> parts = realParts();
        assumeFalse(parts.isEmpty(), "no figure part in main code yet (the posts, mentions and engagement branches "
                + "add them); the fake-part tests below check the rule itself");
        assertThat(AnalyticsTopology.unaccountedFor(parts)).isEmpty();
    }

    @Test
    void aTypeNobodyConsumesOrIgnoresIsReported() {
        // Consumes everything not ignored but PostDrafted: PostDrafted is then unaccounted for
        Set<EventType> all = notIgnored();
        all.remove(EventType.POST_DRAFTED);
        List<String> problems = AnalyticsTopology.unaccountedFor(List.of(part(all, 1, FigureType.POST_ACTIVITY)));
        assertThat(problems).singleElement().asString().contains("POST_DRAFTED").contains("neither consumed");
        EventHandlers<BitSet> table = AnalyticsTopology.handlerTable(List.of(part(all, 1, FigureType.POST_ACTIVITY)));
        assertThat(table.unaccountedFor(Topics.ALL)).containsExactly(EventType.POST_DRAFTED);
    }

    @Test
    void aCompleteTableHasNoGapsAndSaysWhyEachIgnoredTypeIsIgnored() {
        List<FigureTopology> parts = List.of(part(notIgnored(), 1, FigureType.POST_ACTIVITY));
        assertThat(AnalyticsTopology.unaccountedFor(parts)).isEmpty();
        EventHandlers<BitSet> table = AnalyticsTopology.handlerTable(parts);
        assertThat(table.ignored()).isEqualTo(IgnoredEvents.reasons());
        assertThat(table.ignored().values()).allSatisfy(why -> assertThat(why).isNotBlank());
    }

    @Test
    void aPartConsumingAnIgnoredTypeIsAContradiction() {
        EventType ignored = IgnoredEvents.reasons().keySet().iterator().next();
        FigureTopology part = part(Set.of(ignored), 1, FigureType.POST_ACTIVITY);
        assertThat(AnalyticsTopology.contradictions(List.of(part))).singleElement().asString()
                .contains(ignored.name()).contains("declares ignored");
        assertThatThrownBy(() -> AnalyticsTopology.handlerTable(List.of(part)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void twoPartsBuildingOneFigureOrSharingAnOrderAreContradictions() {
        List<String> problems = AnalyticsTopology.contradictions(List.of(
                part(Set.of(EventType.POST_DRAFTED), 1, FigureType.POST_ACTIVITY),
                part(Set.of(EventType.POST_CLEARED), 1, FigureType.POST_ACTIVITY)));
        assertThat(problems).hasSize(2).anySatisfy(p -> assertThat(p).contains("POST_ACTIVITY is built by both"))
                .anySatisfy(p -> assertThat(p).contains("same order"));
    }

    @Test
    void eachTypeGoesToEveryPartThatConsumesItAndOnlyThose() {
        FigureTopology drafts = part(Set.of(EventType.POST_DRAFTED, EventType.POST_PUBLISHED), 1,
                FigureType.POST_ACTIVITY);
        FigureTopology published = part(Set.of(EventType.POST_PUBLISHED), 2, FigureType.POST_ENGAGEMENT);
        EventHandlers<BitSet> table = AnalyticsTopology.handlerTable(List.of(published, drafts));
        BitSet parts = new BitSet();
        table.dispatch(TopologyFixtures.published(), parts);
        assertThat(parts.stream().boxed().toList()).containsExactly(0, 1);
        BitSet draftParts = new BitSet();
        table.dispatch(TopologyFixtures.drafted(), draftParts);
        assertThat(draftParts.stream().boxed().toList()).containsExactly(0);
    }

    private static Set<EventType> notIgnored() {
        Set<EventType> types = java.util.EnumSet.noneOf(EventType.class);
        for (EventType type : EventType.values()) {
            if (Topics.ALL.contains(type.topic()) && !IgnoredEvents.reasons().containsKey(type)) {
                types.add(type);
            }
        }
        return types;
    }

    static FigureTopology part(Set<EventType> consumes, int order, FigureType figure) {
        return new FigureTopology() {
            @Override
            public Set<EventType> consumes() {
                return consumes;
            }

            @Override
            public void build(StreamsBuilder builder, KStream<String, ClearpostEvent> events) {
            }

            @Override
            public Set<FigureType> figures() {
                return Set.of(figure);
            }

            @Override
            public int order() {
                return order;
            }
        };
    }

    /** A part made as its defaults: a no-argument constructor, else a static no-argument factory of its type. */
    private static FigureTopology instance(Class<?> type) throws ReflectiveOperationException {
        try {
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return (FigureTopology) constructor.newInstance();
        } catch (NoSuchMethodException noConstructor) {
            for (var method : type.getDeclaredMethods()) {
                if (Modifier.isStatic(method.getModifiers()) && method.getParameterCount() == 0
                        && method.getReturnType() == type) {
                    method.setAccessible(true);
                    return (FigureTopology) method.invoke(null);
                }
            }
            throw noConstructor;
        }
    }

    /** The parts in main code, each made as its defaults ({@link #instance}). */
    static List<FigureTopology> realParts() {
        List<FigureTopology> parts = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("org.clearpost.analytics")) {
            if (type.isAssignableTo(FigureTopology.class) && !type.isInterface()
                    && !type.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.ABSTRACT)
                    && !type.isAnonymousClass() && !type.isInnerClass()) {
                try {
                    Class<?> loaded = Class.forName(type.getName());
                    if (!Modifier.isAbstract(loaded.getModifiers())) {
                        parts.add(instance(loaded));
                    }
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(type.getName() + " needs a no-argument constructor or a static "
                            + "no-argument factory (withDefaults()) for this test", e);
                }
            }
        }
        return parts;
    }
}
