package vn.ykien;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

  private final ApplicationModules modules = ApplicationModules.of(YKienApplication.class);

  @Test
  void modulesOnlyDependOnWhatTheyDeclare() {
    modules.verify();
  }

  @Test
  void writesTheModuleDiagramsIntoDocs() {
    new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
  }
}
