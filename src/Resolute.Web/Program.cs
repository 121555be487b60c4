using Resolute.Web;

// The same executable serves the app and runs commands: migrate, seed-demo, create-user, create-token.
var (command, rest) = Cli.Split(args);
var builder = WebApplication.CreateBuilder(rest);
builder.AddResolute();
var app = builder.Build();

if (command is not null)
    return await Cli.RunAsync(app, command, rest);

app.UseResolute();
await Startup.PrepareAsync(app);
await app.RunAsync();
return 0;
