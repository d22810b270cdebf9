# The API as a container image; compose.yaml runs it next to PostgreSQL.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The API's build runs `npm ci` for the dashboard's Chart.js and oidc-client-ts (Collections.Api/dashboard/Dashboard.targets).
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY nuget.config Directory.*.props *.sln ./
# The test project is not needed to publish the API.
COPY Collections.Domain/ Collections.Domain/
COPY Collections.Projections/ Collections.Projections/
COPY Collections.Api/ Collections.Api/
# Host build output (bin/obj) may have come along; it must not leak into this build.
RUN find . -type d \( -name bin -o -name obj \) -prune -exec rm -rf {} + \
 && dotnet publish Collections.Api -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
ENTRYPOINT ["dotnet", "Collections.Api.dll"]
