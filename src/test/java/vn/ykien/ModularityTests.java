package vn.ykien;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import vn.ykien.opinion.OpinionSubmission;
import vn.ykien.opinion.OwnOpinions;
import vn.ykien.shared.CitizenId;

class ModularityTests {

  private final ApplicationModules modules = ApplicationModules.of(YKienApplication.class);

  @Test
  void modulesOnlyDependOnWhatTheyDeclare() {
    modules.verify();
  }

  /**
   * Integrity rule 1: what one person said is shown back to that person only. The one method that
   * reads a person's answers may be called from the citizen's own pages and API and nowhere else
   * (not even from the officers' pages of the same module).
   */
  @Test
  void onlyTheCitizensOwnPagesReadTheirAnswers() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.ykien");
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("vn.ykien.opinion.web.OpinionPages")
        .and()
        .doNotHaveFullyQualifiedName("vn.ykien.opinion.web.OpinionApi")
        .should()
        .callMethod(OpinionSubmission.class, "currentAnswers", long.class, CitizenId.class)
        .orShould()
        .callMethod(OpinionSubmission.class, "currentGeneralComment", long.class, CitizenId.class)
        .orShould()
        .callMethod(OwnOpinions.class, "history", long.class, CitizenId.class)
        .check(classes);
  }

  @Test
  void writesTheModuleDiagramsIntoDocs() {
    new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
  }
}
