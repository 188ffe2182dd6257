package vn.ykien.opinion.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the served OpenAPI document ({@code /api/v1/openapi.json}) says about the API as a whole:
 * who it is for and how callers authenticate. The operations come from the controllers.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {

  static final String EID = "eid";

  @Bean
  OpenAPI ykienOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("YKien API")
                .version("v1")
                .description(
                    """
                    Opinions on draft laws, for the e-ID app and other channels. Citizens call it with \
                    their e-ID access token (assurance level 2) as a bearer token. Errors are RFC 9457 \
                    problem+json with `code` and `messages.vi` / `messages.en`; `detail` follows \
                    Accept-Language (Vietnamese by default). POST of an opinion honours \
                    `Idempotency-Key`; 429 answers carry `Retry-After`. Receipts can be checked by anyone.\
                    """))
        .components(
            new Components()
                .addSecuritySchemes(
                    EID,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description("The citizen's e-ID access token")))
        .addSecurityItem(new SecurityRequirement().addList(EID));
  }
}
