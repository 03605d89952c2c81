using System.Buffers.Binary;
using System.IO.Compression;

namespace ImagingBot.Tests.TeamsPackage;

/// <summary>
/// Just enough of a PNG decoder to check the Teams icons (8-bit RGB or RGBA, not interlaced): the feed has no image
/// library, and the checks need real pixels, not the file name.
/// </summary>
internal sealed class PngImage
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    private PngImage(int width, int height, bool hasAlpha, byte[][] rows)
    {
        Width = width;
        Height = height;
        HasAlphaChannel = hasAlpha;
        Rows = rows;
    }

    public int Width { get; }

    public int Height { get; }

    public bool HasAlphaChannel { get; }

    private byte[][] Rows { get; }

    public (byte R, byte G, byte B, byte A) Pixel(int x, int y)
    {
        var row = Rows[y];
        return HasAlphaChannel
            ? (row[x * 4], row[(x * 4) + 1], row[(x * 4) + 2], row[(x * 4) + 3])
            : (row[x * 3], row[(x * 3) + 1], row[(x * 3) + 2], (byte)255);
    }

    public IEnumerable<(byte R, byte G, byte B, byte A)> Pixels()
    {
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                yield return Pixel(x, y);
            }
        }
    }

    public static PngImage Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (!bytes.AsSpan(0, 8).SequenceEqual(Signature))
        {
            throw new InvalidDataException($"{path} is not a PNG file.");
        }

        int width = 0, height = 0, colorType = -1;
        using var compressed = new MemoryStream();
        for (var offset = 8; offset < bytes.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(bytes, offset + 4, 4);
            var data = bytes.AsSpan(offset + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    colorType = data[9];
                    if (data[8] != 8 || (colorType != 2 && colorType != 6) || data[12] != 0)
                    {
                        throw new InvalidDataException($"{path}: only 8-bit RGB/RGBA non-interlaced PNGs are read here.");
                    }

                    break;
                case "IDAT":
                    compressed.Write(data);
                    break;
                default:
                    break;
            }

            offset += 12 + length;
        }

        var channels = colorType == 6 ? 4 : 3;
        compressed.Position = 0;
        using var inflater = new ZLibStream(compressed, CompressionMode.Decompress);
        var rows = new byte[height][];
        var previous = new byte[width * channels];
        for (var y = 0; y < height; y++)
        {
            var filter = inflater.ReadByte();
            var row = new byte[width * channels];
            inflater.ReadExactly(row);
            Unfilter(filter, row, previous, channels);
            rows[y] = row;
            previous = row;
        }

        return new PngImage(width, height, channels == 4, rows);
    }

    private static void Unfilter(int filter, byte[] row, byte[] previous, int channels)
    {
        for (var i = 0; i < row.Length; i++)
        {
            int left = i >= channels ? row[i - channels] : 0;
            int up = previous[i];
            int upLeft = i >= channels ? previous[i - channels] : 0;
            row[i] = (byte)(row[i] + filter switch
            {
                0 => 0,
                1 => left,
                2 => up,
                3 => (left + up) / 2,
                4 => Paeth(left, up, upLeft),
                _ => throw new InvalidDataException($"Unknown PNG row filter {filter}."),
            });
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
