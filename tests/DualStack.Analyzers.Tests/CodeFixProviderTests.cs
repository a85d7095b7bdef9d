using System.Composition;
using System.Reflection;
using DualStack.CodeFixes.Rules;
using DualStack.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace DualStack.Analyzers.Tests;

/// <summary>
/// Every code fix provider of DualStack.CodeFixes, found by reflection, fixes only catalog rules that declare a fix
/// (HasFix = true, which the rule pages show as "Code fix: Yes"), is exported for C#, and supports Fix All.
/// </summary>
public sealed class CodeFixProviderTests
{
    public static TheoryData<string> FixerTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in AllFixerTypes())
        {
            data.Add(type.FullName!);
        }

        return data;
    }

    [Fact]
    public void The_code_fix_assembly_has_fixers() => Assert.NotEmpty(AllFixerTypes());

    [Theory]
    [MemberData(nameof(FixerTypes))]
    public void Fixable_ids_are_catalog_rules_that_declare_a_fix(string fixerType)
    {
        var fixer = Create(fixerType);
        Assert.NotEmpty(fixer.FixableDiagnosticIds);
        foreach (var id in fixer.FixableDiagnosticIds)
        {
            Assert.True(RuleCatalog.TryGet(id, out var rule), $"{fixerType} fixes {id}, which is not in the rule catalog");
            Assert.True(rule.HasFix, $"{fixerType} fixes {id}, but the catalog says the rule has no fix");
        }
    }

    [Theory]
    [MemberData(nameof(FixerTypes))]
    public void Fixer_is_exported_for_CSharp_and_supports_Fix_All(string fixerType)
    {
        var type = AllFixerTypes().Single(t => t.FullName == fixerType);
        var export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>();
        Assert.NotNull(export);
        Assert.Contains(LanguageNames.CSharp, export!.Languages);
        Assert.NotNull(type.GetCustomAttribute<SharedAttribute>());
        Assert.NotNull(Create(fixerType).GetFixAllProvider());
    }

    private static CodeFixProvider Create(string fixerType) =>
        (CodeFixProvider)Activator.CreateInstance(AllFixerTypes().Single(t => t.FullName == fixerType))!;

    private static IReadOnlyList<Type> AllFixerTypes() =>
        typeof(DS1001IPv4WildcardBindFixer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();
}
