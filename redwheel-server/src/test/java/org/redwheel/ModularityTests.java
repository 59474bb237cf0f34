package org.redwheel;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module structure holds, and its diagrams are written to docs/modules. */
class ModularityTests {

    /**
     * The reactor's libraries (the JT/T 808 codec, the simulator, the safety engine) share the base
     * package but are libraries, not application modules.
     */
    static final ApplicationModules MODULES = ApplicationModules.of(
            RedWheelApplication.class,
            JavaClass.Predicates.resideInAnyPackage(
                    "org.redwheel.jt808..", "org.redwheel.sim..", "org.redwheel.safety.."));

    @Test
    void modulesRespectTheirDeclaredDependencies() {
        MODULES.verify();
        assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()))
                .contains("identity", "organization", "fleet", "monitoring", "dashboard", "demo")
                .doesNotContain("jt808", "sim");
    }

    @Test
    void writesModuleDocumentation() throws Exception {
        Path output = Path.of("..", "docs", "modules").toAbsolutePath().normalize();
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(output.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        assertThat(output.resolve("components.puml")).exists();
        assertThat(Files.readString(output.resolve("components.puml")))
                .contains("Organization")
                .contains("Identity");
    }
}
