using Collections.Api.Infrastructure;
using Collections.Api.Security;
using JasperFx;
using JasperFx.CommandLine;

[assembly: JasperFxAssembly]

// A development token needs only the signing key: no host is built, so nothing but the token reaches stdout.
if (args is [TokenCommand.Verb, ..])
    return CommandExecutor.For(commands => commands.RegisterCommand<TokenCommand>()).Execute(args);

var builder = WebApplication.CreateBuilder(args);
builder.AddCollections();

var app = builder.Build();
app.MapCollections();

// RunJasperFxCommands adds the Critter Stack verbs: db-apply, projections rebuild, codegen, describe...
return await app.RunJasperFxCommands(args);
