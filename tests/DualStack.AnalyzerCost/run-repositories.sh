#!/usr/bin/env bash
# Runs the cost tool over the §4.1 repositories (shared/spec/dotnet-ipv4-patterns.md) and jellyfin's networking
# projects, two analyzer builds side by side, the way the README's "Recall, precision and cost on real repositories"
# figures were measured. The checkouts are fetched outside this repository and never committed.
#
# usage: run-repositories.sh CHECKOUTS BEFORE.dll AFTER.dll OUT [LABELS.md]
#   CHECKOUTS: a folder with one checkout per repository, named as below (Fleck, akka.net, orleans, ...)
#   OUT:       a folder for NAME.md (the report), NAME.before.txt / NAME.after.txt (findings), NAME.err (progress)
set -euo pipefail
checkouts=$1 before=$2 after=$3 out=$4 labels=${5:-}
here=$(cd "$(dirname "$0")" && pwd)
tool="$here/bin/Release/net10.0/DualStack.AnalyzerCost.dll"
[ -f "$tool" ] || dotnet build "$here" -c Release -nologo -v q
mkdir -p "$out"
# A 256 MB gen0 budget: collections are rare, so their pauses (charged by the telemetry to whichever analyzer runs when
# one starts) do not land in single analyzers of small repositories.
export DOTNET_GCgen0size=0x10000000
exclude='(?i)test|bench|perf|example|sample|template|playground|demo|toys'

# name;checkout folder;include;timed passes;added-time rounds (the six smallest get 25 passes: a whole pass there is
# 60-500 ms, so one analyzer's millisecond moves its share by a tenth of a percent from run to run)
repositories=(
  "Fleck;Fleck;^src/Fleck/;25;0" "SuperSimpleTcp;SuperSimpleTcp;;25;0" "WatsonTcp;WatsonTcp;;25;0"
  "websocket-sharp;websocket-sharp;;25;0" "NetCoreServer;NetCoreServer;^source/NetCoreServer/;25;0"
  "sharpsnmplib;sharpsnmplib;^SharpSnmpLib/;25;0" "LiteNetLib;LiteNetLib;;9;0" "FluentFTP;FluentFTP;^FluentFTP(\.Logging)?/;9;0"
  "nacos;nacos-sdk-csharp;;9;0" "MQTTnet;MQTTnet;;9;0" "SuperSocket;SuperSocket;;9;0" "consuldotnet;consuldotnet;;9;0"
  "rabbitmq;rabbitmq-dotnet-client;^projects/RabbitMQ;9;0" "Ocelot;Ocelot;^src/;9;0"
  "nats;nats.net.v1;;5;0" "Steeltoe;Steeltoe;^src/(Common|Connectors|Discovery|Management)/src/;5;0"
  "MySqlConnector;MySqlConnector;^src/;5;0" "grpc-dotnet;grpc-dotnet;^src/;5;0" "StackExchange.Redis;StackExchange.Redis;^src/;5;0"
  "DotNetty;DotNetty;;5;0"
  "jellyfin-net;jellyfin;^(src/Jellyfin\.Networking|src/Jellyfin\.LiveTv|MediaBrowser\.Common|Jellyfin\.Server/)|^Emby\.Server\.Implementations/;5;0"
  "garnet;garnet;^(libs|main|modules|metrics)/;3;2" "akka;akka.net;^src/(core|contrib)/;3;2" "orleans;orleans;^src/;3;2"
)

for spec in "${repositories[@]}"; do
  IFS=";" read -r name folder include passes rounds <<< "$spec"
  [ -d "$checkouts/$folder" ] || { echo "skip $name: no $checkouts/$folder"; continue; }
  args=(--exclude "$exclude" --ds "before=$before" --ds "after=$after" --passes "$passes" --repeat "$rounds" --findings "$out/$name.txt")
  [ -n "$include" ] && args+=(--include "$include")
  [ "$rounds" != 0 ] && args+=(--added-sets after)
  [ -n "$labels" ] && args+=(--labels "$labels")
  echo "$name: $(date -u +%H:%M:%S), load $(cut -d' ' -f1-3 /proc/loadavg)"
  dotnet "$tool" "$checkouts/$folder" "${args[@]}" > "$out/$name.md" 2> "$out/$name.err"
done
