package org.clearpost.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClearpostArchitectureTest {

    @TempDir
    Path sources;

    @Test
    void aCycleThroughAConstantIsFoundInTheSourceThoughTheBytecodeLosesIt() throws IOException {
        // drafting's old shape: domain -> mention -> messaging (a constant only) -> domain
        write("domain/PostService.java", "package org.example.svc.domain;\n"
                + "import org.example.svc.mention.KnownMentions;\nclass PostService { KnownMentions m; }\n");
        write("mention/MentionConsumer.java", "package org.example.svc.mention;\n"
                + "import org.example.svc.messaging.Channels;\n"
                + "class MentionConsumer { String c = Channels.CONSUMER; }\n");
        write("messaging/PostOutcomeConsumer.java", "package org.example.svc.messaging;\n"
                + "import org.example.svc.domain.PostService;\nclass PostOutcomeConsumer { PostService s; }\n");
        write("messaging/Channels.java", "package org.example.svc.messaging;\n"
                + "public class Channels { public static final String CONSUMER = \"svc\"; }\n");

        assertThat(ClearpostArchitecture.sourceCycles(sources, "org.example.svc")).singleElement()
                .isEqualTo("domain -> mention [PostService.java], mention -> messaging [MentionConsumer.java], "
                        + "messaging -> domain [PostOutcomeConsumer.java]");
    }

    @Test
    void theRootPackageCommentsAndOneWayDependenciesMakeNoCycle() throws IOException {
        write("Channels.java", "package org.example.svc;\n"
                + "public class Channels { public static final String CONSUMER = \"svc\"; }\n");
        write("domain/PostService.java", "package org.example.svc.domain;\n"
                + "import org.example.svc.Channels;\nimport org.example.svc.mention.KnownMentions;\n"
                + "class PostService { KnownMentions m; }\n");
        write("mention/KnownMentions.java", "package org.example.svc.mention;\n"
                + "/** Unlike {@link org.example.svc.domain.PostService}, keeps mentions. */\n"
                + "public class KnownMentions { String c = org.example.svc.Channels.CONSUMER; } // domain.X\n");

        assertThat(ClearpostArchitecture.sourceCycles(sources, "org.example.svc")).isEmpty();
    }

    @Test
    void onlyTheKnownServicesHaveRules() {
        assertThat(ClearpostArchitecture.rules("drafting")).containsKey("no cycles between the service's packages");
        assertThatThrownBy(() -> ClearpostArchitecture.rules("billing"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void write(String file, String content) throws IOException {
        Path path = sources.resolve("org/example/svc").resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
    }
}
