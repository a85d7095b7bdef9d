#!/usr/bin/env python3
"""Start-up of dslint as a user runs it: whole processes, side by side in one run, alternating.

Packs the tool from a checkout (`dotnet pack src/DualStack.Cli` with a unique version), installs it with
`dotnet tool install --tool-path` into a temporary folder (a private NuGet cache, the local feed only) and times its
command shim, as pre-commit or an editor's on-save hook would start it, next to a `dotnet` hello-world built the
same way as the tool (net8.0, RollForward=Major, invariant globalization; the floor of the runtime on this machine):

  hello                    the hello-world apphost (prints one line)
  version                  dslint --version
  lint-one                 dslint lint svc.yaml              (one small Service manifest, no .editorconfig)
  lint-one-editorconfig    dslint lint svc.yaml              (the same beside an .editorconfig: Roslyn's AnalyzerConfigSet)
  lint-folder              dslint lint                       (a folder of six small manifests and a kind cluster config)

Every round runs every case once, starting at a different case each round (so no case always follows another), after
one warm-up round. Wall time is measured around the child process; CPU time (user + sys) is the child's own rusage
from wait4 (microsecond resolution). Prints median and p90 of each, the hello-world-subtracted medians, and the load
average seen during the run (this machine is shared: quote medians, and compare cases of the same run).

Usage (Python 3 standard library, the .NET SDK):
  python3 tests/DualStack.Benchmarks/StartupTimes.py [--rounds 40]
  python3 tests/DualStack.Benchmarks/StartupTimes.py --tool before=/path/to/old/checkout --tool after=.
  python3 tests/DualStack.Benchmarks/StartupTimes.py --tool built=src/DualStack.Cli/bin/Release/net8.0/dslint

A --tool value is a checkout (packed and installed as above) or an executable dslint (timed as it is). With several
tools every tool runs every dslint case in the same rounds.
"""

import argparse
import datetime
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PACKAGE_ID = "DualStack.Lint.Cli"

SMALL_SERVICE = """apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: 8080
"""

FOLDER_FILES = {
    "service.yaml": SMALL_SERVICE,
    "deployment.yaml": """apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: example/web:1.0
          env:
            - name: ASPNETCORE_URLS
              value: http://0.0.0.0:8080
""",
    "policy.yaml": """apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-all-egress
spec:
  podSelector: {}
  egress:
    - to:
        - ipBlock:
            cidr: 0.0.0.0/0
""",
    "dual.yaml": """apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  ipFamilyPolicy: PreferDualStack
  selector: {app: api}
  ports: [{port: 443}]
""",
    "config.yaml": """apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  LOG_LEVEL: info
""",
    "lb.yaml": """apiVersion: v1
kind: Service
metadata:
  name: edge
spec:
  type: LoadBalancer
  ipFamilyPolicy: RequireDualStack
  ipFamilies: [IPv4, IPv6]
  loadBalancerSourceRanges: [10.0.0.0/8]
  selector: {app: edge}
  ports: [{port: 443}]
""",
    "kind.yaml": """kind: Cluster
apiVersion: kind.x-k8s.io/v1alpha4
networking:
  ipFamily: dual
  podSubnet: 10.244.0.0/16,fd00:10:244::/56
  serviceSubnet: 10.96.0.0/16,fd00:10:96::/112
""",
}

EDITORCONFIG = """root = true

[*.yaml]
dotnet_diagnostic.DS2005.severity = error
dualstack_lint.kubernetes_version = 1.34
"""

HELLO_PROJECT = """<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net8.0</TargetFramework>
    <RollForward>Major</RollForward>
    <InvariantGlobalization>true</InvariantGlobalization>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
</Project>
"""


def run(command, cwd, env=None):
    result = subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0:
        sys.exit(f"failed ({result.returncode}): {' '.join(command)}\n{result.stdout}")
    return result.stdout


def install_tool(checkout, work, label):
    """Packs the tool of a checkout with a unique version and installs it into work/label-tools; returns the shim."""
    version = "1.0.0-startup." + datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%d%H%M%S") + "." + str(os.getpid())
    feed = os.path.join(work, label + "-feed")
    project = os.path.join(checkout, "src", "DualStack.Cli", "DualStack.Cli.csproj")
    print(f"packing {project} as {version} ...", file=sys.stderr)
    run(["dotnet", "pack", project, "-c", "Release", "-o", feed, "-p:PackageVersion=" + version, "-nologo", "-v", "q"], checkout)
    nupkg = os.path.join(feed, f"{PACKAGE_ID}.{version}.nupkg")
    config = os.path.join(work, label + "-nuget.config")
    with open(config, "w", encoding="utf-8") as f:
        f.write(f'<?xml version="1.0" encoding="utf-8"?>\n<configuration><packageSources><clear />'
                f'<add key="local" value="{feed}" /></packageSources></configuration>\n')
    env = dict(os.environ, NUGET_PACKAGES=os.path.join(work, label + "-packages"))
    tools = os.path.join(work, label + "-tools")
    run(["dotnet", "tool", "install", "--tool-path", tools, "--configfile", config, PACKAGE_ID, "--version", version], work, env)
    print(f"  {os.path.basename(nupkg)}: {os.path.getsize(nupkg) / 1e6:.1f} MB", file=sys.stderr)
    return os.path.join(tools, "dslint"), os.path.getsize(nupkg)


def build_hello(work):
    folder = os.path.join(work, "hello")
    os.makedirs(folder)
    with open(os.path.join(folder, "hello.csproj"), "w", encoding="utf-8") as f:
        f.write(HELLO_PROJECT)
    with open(os.path.join(folder, "Program.cs"), "w", encoding="utf-8") as f:
        f.write('Console.WriteLine("hello");\n')
    print("building the hello-world baseline ...", file=sys.stderr)
    run(["dotnet", "build", "-c", "Release", "-nologo", "-v", "q", "-o", os.path.join(folder, "out")], folder)
    return os.path.join(folder, "out", "hello")


def write_inputs(work):
    def write(path, text):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)

    write(os.path.join(work, "one", "svc.yaml"), SMALL_SERVICE)
    write(os.path.join(work, "one-editorconfig", "svc.yaml"), SMALL_SERVICE)
    write(os.path.join(work, "one-editorconfig", ".editorconfig"), EDITORCONFIG)
    for name, text in FOLDER_FILES.items():
        write(os.path.join(work, "folder", name), text)


def time_once(command, cwd):
    """One whole process: (wall seconds, CPU seconds = user + sys of the child, exit code)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, process.returncode


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=40, help="timed rounds (every case once a round); default 40")
    parser.add_argument("--tool", action="append", default=[], metavar="LABEL=PATH",
                        help="a checkout to pack and install, or a dslint executable; repeatable; default: this checkout")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (printed)")
    args = parser.parse_args()

    os.environ.update(DOTNET_CLI_TELEMETRY_OPTOUT="1", DOTNET_NOLOGO="1", MSBUILDDISABLENODEREUSE="1")
    work = tempfile.mkdtemp(prefix="dslint-startup-")
    try:
        tools = []
        sizes = {}
        for spec in args.tool or ["dslint=" + REPO]:
            label, _, path = spec.partition("=")
            path = os.path.abspath(path)
            if os.path.isdir(path):
                shim, size = install_tool(path, work, label)
                sizes[label] = size
            else:
                shim = path
            tools.append((label, shim))
        hello = build_hello(work)
        write_inputs(work)

        cases = [("hello", [hello], work)]
        for label, shim in tools:
            prefix = label + " " if len(tools) > 1 else ""
            cases += [
                (prefix + "version", [shim, "--version"], work),
                (prefix + "lint-one", [shim, "lint", "svc.yaml"], os.path.join(work, "one")),
                (prefix + "lint-one-editorconfig", [shim, "lint", "svc.yaml"], os.path.join(work, "one-editorconfig")),
                (prefix + "lint-folder", [shim, "lint"], os.path.join(work, "folder")),
            ]

        # What each case prints, once, so a reader sees the runs do the real work (and the same work per tool).
        for name, command, cwd in cases:
            result = subprocess.run(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            lines = result.stdout.strip().splitlines()
            print(f"# {name}: exit {result.returncode}; {len(lines)} lines; first: {lines[0] if lines else ''}")

        samples = {name: [] for name, _, _ in cases}
        exits = {name: set() for name, _, _ in cases}
        loads = [os.getloadavg()[0]]
        for round_index in range(args.rounds + 1):
            shift = round_index % len(cases)
            for name, command, cwd in cases[shift:] + cases[:shift]:
                wall, cpu, code = time_once(command, cwd)
                if round_index > 0:  # round 0 warms the file cache and the tool's first-run state
                    samples[name].append((wall, cpu))
                    exits[name].add(code)
            loads.append(os.getloadavg()[0])

        runtime = run(["dotnet", "--list-runtimes"], work).strip().splitlines()
        print(f"# {args.rounds} rounds after one warm-up round, alternating; {os.cpu_count()} cores; "
              f"load average (1 min) {min(loads):.1f}-{max(loads):.1f}, median {statistics.median(loads):.1f}")
        print("# runtimes: " + "; ".join(r.split(" [")[0] for r in runtime if "NETCore.App" in r))
        for label, size in sizes.items():
            print(f"# {label}: package {size / 1e6:.1f} MB")
        hello_wall = statistics.median(w for w, _ in samples["hello"])
        hello_cpu = statistics.median(c for _, c in samples["hello"])
        print()
        print("| case | wall median | wall p90 | CPU median | CPU p90 | wall - hello | CPU - hello | exit |")
        print("|---|---:|---:|---:|---:|---:|---:|---|")
        for name, _, _ in cases:
            walls = [w * 1000 for w, _ in samples[name]]
            cpus = [c * 1000 for _, c in samples[name]]
            print(f"| {name} | {statistics.median(walls):.0f} ms | {percentile(walls, 0.9):.0f} ms "
                  f"| {statistics.median(cpus):.0f} ms | {percentile(cpus, 0.9):.0f} ms "
                  f"| {statistics.median(walls) - hello_wall * 1000:+.0f} ms | {statistics.median(cpus) - hello_cpu * 1000:+.0f} ms "
                  f"| {','.join(str(c) for c in sorted(exits[name]))} |")
    finally:
        if args.keep:
            print(f"# kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
