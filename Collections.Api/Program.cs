using Collections.Api.Infrastructure;
using JasperFx;

[assembly: JasperFxAssembly]

var builder = WebApplication.CreateBuilder(args);
builder.AddCollections();

var app = builder.Build();
app.MapCollections();

// RunJasperFxCommands adds the Critter Stack verbs: db-apply, projections rebuild, codegen, describe...
return await app.RunJasperFxCommands(args);

public partial class Program;
