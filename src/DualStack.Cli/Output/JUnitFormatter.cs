using System.Globalization;
using System.Text;
using System.Xml;
using DualStack.Rules;

namespace DualStack.Cli.Output;

/// <summary>
/// JUnit XML for CI test tabs (GitLab, Jenkins, Azure DevOps): one test case per finding, named
/// <c>ID path:line:col</c> with the file as its class; errors and warnings are failures (type = severity), infos pass
/// with the message as output. A run without findings is one passing case, so the tab shows the lint ran.
/// </summary>
internal sealed class JUnitFormatter : IReportFormatter
{
    public void Write(LintReport report, TextWriter writer)
    {
        var failures = report.Findings.Count(f => f.Severity is Severity.Error or Severity.Warning);
        var tests = Math.Max(1, report.Findings.Count);
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false };
        var builder = new StringBuilder();
        using (var xml = XmlWriter.Create(new StringWriterWithUtf8(builder), settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            WriteCounts(xml, "dslint", tests, failures);
            xml.WriteStartElement("testsuite");
            WriteCounts(xml, "dslint lint", tests, failures);
            if (report.Findings.Count == 0)
            {
                xml.WriteStartElement("testcase");
                xml.WriteAttributeString("name", "no findings");
                xml.WriteAttributeString("classname", "dslint");
                xml.WriteEndElement();
            }

            foreach (var finding in report.Findings)
            {
                WriteCase(xml, finding);
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        writer.WriteLine(builder.ToString());
    }

    private static void WriteCounts(XmlWriter xml, string name, int tests, int failures)
    {
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("tests", tests.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", failures.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", "0");
    }

    // XML 1.0 cannot carry most control characters at all: input text goes through the terminal escaping.
    private static void WriteCase(XmlWriter xml, Finding finding)
    {
        var file = TerminalText.Escape(finding.File);
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("name", string.Create(CultureInfo.InvariantCulture, $"{finding.RuleId} {file}:{finding.Line}:{finding.Column}"));
        xml.WriteAttributeString("classname", file);
        xml.WriteAttributeString("file", file);
        xml.WriteAttributeString("line", finding.Line.ToString(CultureInfo.InvariantCulture));
        var text = TextFormatter.FormatFinding(finding, TextStyle.Plain);
        if (finding.Severity is Severity.Error or Severity.Warning)
        {
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("type", finding.Severity.ToOutputName());
            xml.WriteAttributeString("message", TerminalText.Escape(finding.Message));
            xml.WriteString(text);
            xml.WriteEndElement();
        }
        else
        {
            xml.WriteElementString("system-out", text);
        }

        xml.WriteEndElement();
    }

    private sealed class StringWriterWithUtf8(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
