import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { installZodMessages } from '../../src/ui/forms/zod-messages';

installZodMessages();

// jsdom has no canvas; charts skip drawing instead of logging "not implemented".
HTMLCanvasElement.prototype.getContext = () => null;

afterEach(() => cleanup());
