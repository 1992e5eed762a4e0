// GraphQL fields for avatars: upload or delete your own, and where anyone's is served.
import { builder } from '../../graphql/builder.js';
import { readUpload } from '../../graphql/uploads.js';
import { UserRef } from '../users/schema.js';
import { avatarUrl } from './route.js';
import { removeAvatar, setAvatar } from './service.js';

const AvatarSizeEnum = builder.enumType('AvatarSize', {
  description: 'A rendition of an avatar. Both are square WebP images.',
  values: {
    MAIN: { value: 'main', description: '512×512 pixels.' },
    THUMB: { value: 'thumb', description: '128×128 pixels.' },
  } as const,
});

builder.objectFields(UserRef, (t) => ({
  avatarUrl: t.string({
    nullable: true,
    description:
      "Where the user's avatar is served: a path on this server such as `/avatars/12/thumb?v=…`, or, when the server is configured with a public base URL, the stored file's own URL (a bucket or a CDN). It changes whenever the avatar does, so it can be cached for good. Null when the user has none.",
    args: { size: t.arg({ type: AvatarSizeEnum, defaultValue: 'main' }) },
    resolve: (user, { size }, ctx) => (user.avatarKey ? avatarUrl(ctx.runtime.config, user.id, user.avatarKey, size ?? 'main') : null),
  }),
  avatarUpdatedAt: t.expose('avatarUpdatedAt', { type: 'DateTime', nullable: true, description: 'When the current avatar was uploaded.' }),
}));

const UploadAvatarPayload = builder.simpleObject('UploadAvatarPayload', {
  fields: (t) => ({ user: t.field({ type: UserRef }) }),
});

const DeleteAvatarPayload = builder.simpleObject('DeleteAvatarPayload', {
  fields: (t) => ({
    user: t.field({ type: UserRef }),
    removed: t.boolean({ description: 'False when there was no avatar to delete.' }),
  }),
});

builder.mutationFields((t) => ({
  uploadAvatar: t.field({
    type: UploadAvatarPayload,
    description:
      "Replaces the caller's avatar. Send a GraphQL multipart request (an upload link does) with an `apollo-require-preflight` header; a JPEG, PNG, GIF or WebP image of at most MAX_FILE_SIZE MB and 40 megapixels. It is stored as 512 px and 128 px square WebP images, turned upright and stripped of its metadata.",
    authScopes: { authenticated: true },
    args: { file: t.arg({ type: 'Upload', required: true }) },
    resolve: async (_root, { file }, ctx) => {
      const viewer = await ctx.auth.require();
      const bytes = await readUpload(file, ctx.runtime.config.maxFileSizeBytes);
      return { user: await setAvatar(ctx.runtime, viewer.user.id, bytes) };
    },
  }),
  deleteAvatar: t.field({
    type: DeleteAvatarPayload,
    description: "Removes the caller's avatar.",
    authScopes: { authenticated: true },
    resolve: async (_root, _args, ctx) => removeAvatar(ctx.runtime, (await ctx.auth.require()).user.id),
  }),
}));
