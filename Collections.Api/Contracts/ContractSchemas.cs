using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Collections.Api.Contracts;

/// <summary>
/// Corrections to the generated JSON schemas where the service's serializer settings hide what goes over the
/// wire: strings pass through a validating converter (the generator then knows no type), a property the C#
/// model marks nullable is optional, a nullable enum is null once (not also inside its enum), and problem details carry extensions (<c>traceId</c>, <c>currentVersion</c>).
/// </summary>
public sealed class ContractSchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(string) && schema.Type is null)
            schema.Type = context.JsonPropertyInfo is { IsGetNullable: true } ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        if (typeof(ProblemDetails).IsAssignableFrom(type)) schema.AdditionalPropertiesAllowed = true;
        // Money is decimal on the wire and in the service: tell client generators not to make it a double.
        if (type == typeof(decimal) || type == typeof(decimal?)) schema.Format = "decimal";
        // A nullable enum property is already oneOf [null, $ref]: a null inside the enum too would match both branches.
        if (Nullable.GetUnderlyingType(type) is { IsEnum: true } && schema.Enum is { } values)
            foreach (var value in values.Where(v => v is null || v.GetValueKind() == System.Text.Json.JsonValueKind.Null).ToList())
                values.Remove(value);
        if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object && schema.Required is { Count: > 0 } required)
        {
            foreach (var property in context.JsonTypeInfo.Properties.Where(p => p.IsSetNullable || p.IsGetNullable))
                required.Remove(property.Name);
        }

        return Task.CompletedTask;
    }
}
