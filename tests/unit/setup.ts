import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { installZodMessages } from '../../src/features/forms/zod-messages';

installZodMessages();

afterEach(() => cleanup());
