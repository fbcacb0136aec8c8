/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-csv-source.c: the bytes under the CSV reader. A file is read with read()
 * in blocks (not mapped: a file truncated under a mapping would kill us with
 * SIGBUS), bytes in memory are used in place, and gzip input (recognised by its
 * magic bytes) is inflated block by block on a thread of its own, one block
 * ahead of the parser, so memory stays at a few blocks.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <zlib.h>

#include "lb-csv-private.h"
#include "lb-data-error.h"

#define RAW_BLOCK ((gsize) 1 << 20)
#define CHUNK_SIZE ((gsize) 4 << 20)

typedef struct
{
  char    *data;       /* CHUNK_SIZE bytes */
  gsize    len;
  gboolean at_end;     /* the last chunk of the input */
  GError  *error;
  guint64  raw_done;   /* compressed bytes read when it was made */
} Chunk;

struct _LbCsvSource
{
  /* the raw input: a file descriptor or bytes in memory */
  int           fd;
  char         *path;
  GBytes       *bytes;
  const char   *bytes_data;
  gsize         bytes_len;
  guint64       raw_size;        /* file size at open, or bytes_len */
  guint64       raw_done;        /* raw bytes read so far */
  gboolean      raw_eof;

  /* gzip */
  gboolean      compressed;
  z_stream      zs;
  gboolean      zs_ready;
  gboolean      zs_member_done;  /* the last inflate() call ended a gzip member */
  char         *raw_buffer;      /* RAW_BLOCK, compressed input from the file */
  guint64       size_hint;
  GThread      *inflater;        /* inflates ahead (see fill_inflate) */
  GAsyncQueue  *full;            /* (element-type Chunk) inflated, to be read */
  GAsyncQueue  *empty;           /* (element-type Chunk) to be filled */
  Chunk         chunks[2];
  guint64       raw_progress;    /* compressed bytes behind the window, for progress */
  GError       *error;           /* the inflater's error, kept for later calls */

  /* the window: [start, end) of buffer (or of bytes_data when zero-copy) */
  char         *buffer;
  gsize         capacity;
  gsize         start;
  gsize         end;
  guint64       offset;          /* stream offset of buffer[start] */
  gboolean      eof;
  gboolean      latin1;          /* the input is ISO-8859-1: turn it into UTF-8 */
};

static void stop_inflater (LbCsvSource *source);

static gboolean
zero_copy (LbCsvSource *source)
{
  return source->bytes != NULL && !source->compressed && !source->latin1;
}

static gboolean
set_io_error (LbCsvSource  *source,
              int           saved_errno,
              GError      **error)
{
  g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_IO, _("cannot read %s: %s"),
               source->path, g_strerror (saved_errno));
  return FALSE;
}

static guint32
read_le32 (const guint8 *p)
{
  return (guint32) p[0] | ((guint32) p[1] << 8) | ((guint32) p[2] << 16) | ((guint32) p[3] << 24);
}

static gboolean
start_inflate (LbCsvSource  *source,
               GError      **error)
{
  memset (&source->zs, 0, sizeof source->zs);
  /* 16 + MAX_WBITS: expect a gzip header */
  if (inflateInit2 (&source->zs, 16 + MAX_WBITS) != Z_OK)
    {
      g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_IO, _("cannot start decompression"));
      return FALSE;
    }
  source->zs_ready = TRUE;
  source->zs_member_done = FALSE;
  if (source->full == NULL)
    {
      source->full = g_async_queue_new ();
      source->empty = g_async_queue_new ();
    }
  return TRUE;
}

LbCsvSource *
lb_csv_source_new_for_file (const char  *path,
                            GError     **error)
{
  g_autoptr(LbCsvSource) source = g_new0 (LbCsvSource, 1);
  struct stat st;
  guint8 magic[2];
  ssize_t n;

  source->fd = -1;
  source->path = g_strdup (path);
  source->fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (source->fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_IO, _("cannot open %s: %s"),
                   path, g_strerror (saved_errno));
      return NULL;
    }
  if (fstat (source->fd, &st) != 0)
    {
      set_io_error (source, errno, error);
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_FORMAT, _("%s is a folder, not a data file"), path);
      return NULL;
    }
  source->raw_size = S_ISREG (st.st_mode) ? (guint64) st.st_size : 0;
  source->size_hint = source->raw_size;

  n = pread (source->fd, magic, 2, 0);
  if (n == 2 && magic[0] == 0x1f && magic[1] == 0x8b)
    {
      source->compressed = TRUE;
      source->raw_buffer = g_malloc (RAW_BLOCK);
      /* gzip keeps the inflated size modulo 2^32 in its last four bytes */
      if (source->raw_size >= 18)
        {
          guint8 tail[4];

          if (pread (source->fd, tail, 4, (off_t) source->raw_size - 4) == 4)
            source->size_hint = read_le32 (tail);
          if (source->size_hint < source->raw_size)
            source->size_hint += G_GUINT64_CONSTANT (1) << 32;
        }
      if (!start_inflate (source, error))
        return NULL;
    }
  return g_steal_pointer (&source);
}

LbCsvSource *
lb_csv_source_new_for_bytes (GBytes  *bytes,
                             GError **error)
{
  g_autoptr(LbCsvSource) source = g_new0 (LbCsvSource, 1);

  source->fd = -1;
  source->path = g_strdup ("memory");
  source->bytes = g_bytes_ref (bytes);
  source->bytes_data = g_bytes_get_data (bytes, &source->bytes_len);
  source->raw_size = source->bytes_len;
  source->size_hint = source->bytes_len;
  if (source->bytes_len >= 2 && (guint8) source->bytes_data[0] == 0x1f
      && (guint8) source->bytes_data[1] == 0x8b)
    {
      source->compressed = TRUE;
      if (source->bytes_len >= 18)
        {
          source->size_hint = read_le32 ((const guint8 *) source->bytes_data + source->bytes_len - 4);
          if (source->size_hint < source->bytes_len)
            source->size_hint += G_GUINT64_CONSTANT (1) << 32;
        }
      if (!start_inflate (source, error))
        return NULL;
    }
  return g_steal_pointer (&source);
}

void
lb_csv_source_free (LbCsvSource *source)
{
  if (source == NULL)
    return;
  stop_inflater (source);
  if (source->fd >= 0)
    close (source->fd);
  if (source->zs_ready)
    inflateEnd (&source->zs);
  for (guint i = 0; i < G_N_ELEMENTS (source->chunks); i++)
    {
      g_free (source->chunks[i].data);
      g_clear_error (&source->chunks[i].error);
    }
  g_clear_pointer (&source->full, g_async_queue_unref);
  g_clear_pointer (&source->empty, g_async_queue_unref);
  g_clear_error (&source->error);
  g_clear_pointer (&source->bytes, g_bytes_unref);
  g_free (source->raw_buffer);
  g_free (source->buffer);
  g_free (source->path);
  g_free (source);
}

gboolean
lb_csv_source_rewind (LbCsvSource  *source,
                      GError      **error)
{
  stop_inflater (source);
  g_clear_error (&source->error);
  source->raw_progress = 0;
  source->raw_done = 0;
  source->raw_eof = FALSE;
  source->start = source->end = 0;
  source->offset = 0;
  source->eof = FALSE;
  if (source->fd >= 0 && lseek (source->fd, 0, SEEK_SET) != 0)
    return set_io_error (source, errno, error);
  if (source->compressed)
    {
      inflateEnd (&source->zs);
      source->zs_ready = FALSE;
      return start_inflate (source, error);
    }
  return TRUE;
}

/* Makes room for @extra bytes after the window, moving it to the front. */
static void
reserve (LbCsvSource *source,
         gsize        extra)
{
  gsize len = source->end - source->start;

  if (source->start > 0)
    {
      memmove (source->buffer, source->buffer + source->start, len);
      source->start = 0;
      source->end = len;
    }
  if (source->capacity < len + extra)
    {
      source->capacity = MAX (len + extra, source->capacity + source->capacity / 2);
      source->buffer = g_realloc (source->buffer, source->capacity);
    }
}

/* Reads up to @max raw bytes at @dest; 0 at the end of the input. */
static gboolean
read_raw (LbCsvSource  *source,
          char         *dest,
          gsize         max,
          gsize        *n_read,
          GError      **error)
{
  gsize done = 0;

  if (source->bytes != NULL)
    {
      done = MIN (max, source->bytes_len - source->raw_done);
      memcpy (dest, source->bytes_data + source->raw_done, done);
      source->raw_done += done;
      source->raw_eof = source->raw_done == source->bytes_len;
      *n_read = done;
      return TRUE;
    }

  while (done < max)
    {
      ssize_t n = read (source->fd, dest + done, max - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return set_io_error (source, errno, error);
      if (n == 0)
        {
          source->raw_eof = TRUE;
          /* A regular file that ends before the size it had at open was
           * truncated while we read it: say so rather than load half of it. */
          if (source->raw_size > 0 && source->raw_done + done < source->raw_size)
            {
              g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_IO,
                           _("%s became shorter while it was being read (truncated?)"), source->path);
              return FALSE;
            }
          break;
        }
      done += (gsize) n;
    }
  source->raw_done += done;
  *n_read = done;
  return TRUE;
}

/* Inflates up to @max bytes into @dest. *produced may be short only at the
 * end of the input (then *at_end). Runs on the inflating thread. */
static gboolean
inflate_into (LbCsvSource  *source,
              char         *dest,
              gsize         max,
              gsize        *produced_out,
              gboolean     *at_end,
              GError      **error)
{
  z_stream *zs = &source->zs;
  gsize produced = 0;

  *at_end = FALSE;
  while (produced < max)
    {
      int status;

      if (zs->avail_in == 0 && !source->raw_eof)
        {
          if (source->bytes != NULL)
            {
              gsize n = MIN (source->bytes_len - source->raw_done, (gsize) RAW_BLOCK);

              zs->next_in = (Bytef *) source->bytes_data + source->raw_done;
              zs->avail_in = (uInt) n;
              source->raw_done += n;
              source->raw_eof = source->raw_done == source->bytes_len;
            }
          else
            {
              gsize n = 0;

              if (!read_raw (source, source->raw_buffer, RAW_BLOCK, &n, error))
                return FALSE;
              zs->next_in = (Bytef *) source->raw_buffer;
              zs->avail_in = (uInt) n;
            }
        }
      if (zs->avail_in == 0 && source->raw_eof)
        {
          if (!source->zs_member_done)
            {
              g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_FORMAT,
                           _("the compressed file is truncated"));
              return FALSE;
            }
          *at_end = TRUE;
          break;
        }
      if (source->zs_member_done)
        {
          /* another gzip member follows (concatenated .gz files) */
          inflateReset (zs);
          source->zs_member_done = FALSE;
        }

      zs->next_out = (Bytef *) dest + produced;
      zs->avail_out = (uInt) (max - produced);
      status = inflate (zs, Z_NO_FLUSH);
      produced = max - zs->avail_out;
      if (status == Z_STREAM_END)
        source->zs_member_done = TRUE;
      else if (status == Z_BUF_ERROR)
        continue;   /* needs more input: read above, or report truncation */
      else if (status != Z_OK)
        {
          g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_FORMAT,
                       _("the compressed file is damaged (%s)"),
                       zs->msg != NULL ? zs->msg : "zlib");
          return FALSE;
        }
    }
  *produced_out = produced;
  return TRUE;
}

/* --- inflating ahead, on a thread of its own --- */

/* While the reader parses one block, the next one is being inflated: the
 * inflater fills chunks from the "empty" queue and hands them over in the
 * "full" queue, two chunks in all. */

static Chunk stop_marker;

static gpointer
inflater_main (gpointer data)
{
  LbCsvSource *source = data;

  for (;;)
    {
      Chunk *chunk = g_async_queue_pop (source->empty);

      if (chunk == &stop_marker)
        break;
      chunk->len = 0;
      chunk->at_end = FALSE;
      g_clear_error (&chunk->error);
      inflate_into (source, chunk->data, CHUNK_SIZE, &chunk->len, &chunk->at_end, &chunk->error);
      chunk->raw_done = source->raw_done;
      g_async_queue_push (source->full, chunk);
      if (chunk->at_end || chunk->error != NULL)
        break;
    }
  return NULL;
}

static void
stop_inflater (LbCsvSource *source)
{
  if (source->inflater == NULL)
    return;
  g_async_queue_push_front (source->empty, &stop_marker);
  g_thread_join (source->inflater);
  source->inflater = NULL;
  while (g_async_queue_try_pop (source->full) != NULL)
    ;
  while (g_async_queue_try_pop (source->empty) != NULL)
    ;
}

static gboolean
fill_inflate (LbCsvSource  *source,
              GError      **error)
{
  Chunk *chunk;

  if (source->error != NULL)
    {
      g_propagate_error (error, g_error_copy (source->error));
      return FALSE;
    }
  if (source->inflater == NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (source->chunks); i++)
        {
          if (source->chunks[i].data == NULL)
            source->chunks[i].data = g_malloc (CHUNK_SIZE);
          g_async_queue_push (source->empty, &source->chunks[i]);
        }
      source->inflater = g_thread_try_new ("lb-csv-inflate", inflater_main, source, error);
      if (source->inflater == NULL)
        return FALSE;
    }

  chunk = g_async_queue_pop (source->full);
  if (chunk->error != NULL)
    {
      source->error = g_error_copy (chunk->error);
      g_propagate_error (error, g_steal_pointer (&chunk->error));
      return FALSE;
    }
  reserve (source, chunk->len);
  memcpy (source->buffer + source->end, chunk->data, chunk->len);
  source->end += chunk->len;
  source->raw_progress = chunk->raw_done;
  source->eof = chunk->at_end;
  g_async_queue_push (source->empty, chunk);
  return TRUE;
}

/* Latin-1 is Unicode's first 256 code points: bytes from 0x80 take two
 * UTF-8 bytes. Expands [from, end) in place, from the back. */
static void
latin1_to_utf8 (LbCsvSource *source,
                gsize        from)
{
  gsize n_high = 0;
  gsize relative = from - source->start;
  gsize src, dst;

  for (gsize i = from; i < source->end; i++)
    n_high += (guchar) source->buffer[i] >= 0x80;
  if (n_high == 0)
    return;
  reserve (source, n_high);   /* may move the window to the front */
  from = source->start + relative;
  src = source->end;
  dst = source->end + n_high;
  while (src > from)
    {
      guchar b = (guchar) source->buffer[--src];

      if (b < 0x80)
        source->buffer[--dst] = (char) b;
      else
        {
          source->buffer[--dst] = (char) (0x80 | (b & 0x3f));
          source->buffer[--dst] = (char) (0xc0 | (b >> 6));
        }
    }
  source->end += n_high;
}

void
lb_csv_source_set_latin1 (LbCsvSource *source,
                          gboolean     latin1)
{
  g_return_if_fail (source->end == 0);
  source->latin1 = latin1;
}

gboolean
lb_csv_source_fill (LbCsvSource  *source,
                    gsize         block,
                    GError      **error)
{
  gsize from = source->end - source->start;

  if (source->eof)
    return TRUE;

  if (source->compressed)
    {
      if (!fill_inflate (source, error))
        return FALSE;
      if (source->latin1)
        latin1_to_utf8 (source, source->start + from);
      return TRUE;
    }

  if (zero_copy (source))
    {
      source->end = MIN (source->end + block, source->bytes_len);
      source->eof = source->end == source->bytes_len;
      return TRUE;
    }

  {
    gsize n = 0;

    reserve (source, block);
    if (!read_raw (source, source->buffer + source->end, block, &n, error))
      return FALSE;
    source->end += n;
    source->eof = source->raw_eof;
    if (source->latin1)
      latin1_to_utf8 (source, source->start + from);
  }
  return TRUE;
}

const char *
lb_csv_source_peek (LbCsvSource *source,
                    gsize       *len)
{
  *len = source->end - source->start;
  if (zero_copy (source))
    return source->bytes_data != NULL ? source->bytes_data + source->start : "";
  return source->buffer != NULL ? source->buffer + source->start : "";
}

void
lb_csv_source_consume (LbCsvSource *source,
                       gsize        n)
{
  g_assert (n <= source->end - source->start);
  source->start += n;
  source->offset += n;
}

gboolean
lb_csv_source_at_eof (LbCsvSource *source)
{
  return source->eof;
}

guint64
lb_csv_source_get_offset (LbCsvSource *source)
{
  return source->offset;
}

guint64
lb_csv_source_get_size_hint (LbCsvSource *source)
{
  return source->size_hint;
}

double
lb_csv_source_get_fraction (LbCsvSource *source)
{
  if (source->compressed)
    return source->raw_size > 0 ? MIN (1.0, (double) source->raw_progress / (double) source->raw_size) : -1.0;
  if (source->latin1)
    return source->raw_size > 0 ? MIN (1.0, (double) source->raw_done / (double) source->raw_size) : -1.0;
  return source->raw_size > 0 ? MIN (1.0, (double) source->offset / (double) source->raw_size) : -1.0;
}

/* --- the text check --- */

#define ONES  G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

gboolean
lb_csv_check_text (const char *data,
                   gsize       len,
                   gsize      *bad_offset,
                   gboolean   *is_nul)
{
  gsize i = 0;

  while (i < len)
    {
      /* eight plain ASCII bytes (no high bit, no zero byte) at a time */
      if (i + 8 <= len)
        {
          guint64 w;

          memcpy (&w, data + i, 8);
          if (((((w - ONES) & ~w) | w) & HIGHS) == 0)
            {
              i += 8;
              continue;
            }
        }
      if (data[i] == '\0')
        {
          *bad_offset = i;
          *is_nul = TRUE;
          return FALSE;
        }
      if ((guchar) data[i] < 0x80)
        {
          i++;
          continue;
        }
      {
        const char *stop = NULL;

        /* one character is at most 4 bytes: a valid one ends past data + i */
        g_utf8_validate_len (data + i, MIN (len - i, 4), &stop);
        if (stop == data + i)
          {
            *bad_offset = i;
            *is_nul = FALSE;
            return FALSE;
          }
        i = (gsize) (stop - data);
      }
    }
  return TRUE;
}
