using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

// Sets VER_FLG_WEAK on one version-need entry of libLibTorchSharp.so when the system libstdc++ lacks it.
public class MarkGlibcxxVersionNeedWeak : Task
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlgWeak = 0x2;

    [Required] public string Directory { get; set; } = "";
    [Required] public string Version { get; set; } = "";

    public override bool Execute()
    {
        if (!System.IO.Directory.Exists(Directory)) return true;
        if (SystemLibstdcxxHas(Version)) return true;
        foreach (var library in System.IO.Directory.EnumerateFiles(Directory, "libLibTorchSharp.so", SearchOption.AllDirectories))
        {
            if (MarkWeak(library))
                Log.LogMessage(MessageImportance.High, $"Marked {Version} weak in {library} (system libstdc++ lacks it).");
        }
        return !Log.HasLoggedErrors;
    }

    private static bool SystemLibstdcxxHas(string version)
    {
        string[] candidates =
        {
            "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6",
            "/usr/lib/aarch64-linux-gnu/libstdc++.so.6", "/usr/lib/libstdc++.so.6",
        };
        var path = candidates.FirstOrDefault(File.Exists);
        if (path == null) return true;
        var needle = Encoding.ASCII.GetBytes(version + "\0");
        return IndexOf(File.ReadAllBytes(path), needle) >= 0;
    }

    private bool MarkWeak(string path)
    {
        var elf = File.ReadAllBytes(path);
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[4] != 2) return false;
        var sectionHeaders = (long)BitConverter.ToUInt64(elf, 0x28);
        int entrySize = BitConverter.ToUInt16(elf, 0x3a), count = BitConverter.ToUInt16(elf, 0x3c);
        for (var i = 0; i < count; i++)
        {
            var header = sectionHeaders + (long)i * entrySize;
            if (BitConverter.ToUInt32(elf, (int)header + 4) != ShtGnuVerneed) continue;
            var offset = (long)BitConverter.ToUInt64(elf, (int)header + 0x18);
            var link = BitConverter.ToUInt32(elf, (int)header + 0x28);
            var strings = (long)BitConverter.ToUInt64(elf, (int)(sectionHeaders + (long)link * entrySize + 0x18));
            return PatchVerneedChain(elf, path, offset, strings);
        }
        return false;
    }

    private bool PatchVerneedChain(byte[] elf, string path, long need, long strings)
    {
        while (true)
        {
            int auxCount = BitConverter.ToUInt16(elf, (int)need + 2);
            var aux = need + BitConverter.ToUInt32(elf, (int)need + 8);
            for (var j = 0; j < auxCount; j++)
            {
                var name = ReadString(elf, strings + BitConverter.ToUInt32(elf, (int)aux + 8));
                var flags = BitConverter.ToUInt16(elf, (int)aux + 4);
                if (name == Version && (flags & VerFlgWeak) == 0)
                {
                    BitConverter.GetBytes((ushort)(flags | VerFlgWeak)).CopyTo(elf, (int)aux + 4);
                    File.WriteAllBytes(path, elf);
                    return true;
                }
                aux += BitConverter.ToUInt32(elf, (int)aux + 12);
            }
            var next = BitConverter.ToUInt32(elf, (int)need + 12);
            if (next == 0) return false;
            need += next;
        }
    }

    private static string ReadString(byte[] bytes, long start)
    {
        var end = start;
        while (bytes[end] != 0) end++;
        return Encoding.ASCII.GetString(bytes, (int)start, (int)(end - start));
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i <= haystack.Length - needle.Length; i++)
        {
            var j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j]) j++;
            if (j == needle.Length) return i;
        }
        return -1;
    }
}
